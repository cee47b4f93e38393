import Foundation

/// Reads an import file's rows into entries, skipping (and describing) the rows it cannot use.
struct ImportFileReader {
    let fileName: String

    struct Contents {
        var kind: ImportFileKind
        var entries: [ImportEntry] = []
        var problems: [ImportProblem] = []
    }

    func read(_ bytes: [UInt8]) -> Contents {
        var records = CSVReader(bytes)
        if let header = records.next(), case .success(let columns) = header.fields,
            let kind = ImportFileKind.mailchimp(header: columns, fileName: fileName),
            case .mailchimp(let status) = kind
        {
            return readMailchimp(records, columns: columns, status: status, kind: kind)
        }
        return readPlainList(bytes)
    }

    private func readMailchimp(
        _ records: CSVReader, columns: [String], status: SubscriberStatus, kind: ImportFileKind
    ) -> Contents {
        var contents = Contents(kind: kind)
        let names = columns.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        let addressColumn = column(ImportFileKind.addressColumn)!
        let optIn = column("optin_time")
        let confirm = column("confirm_time")
        let left = status == .cleaned ? column("clean_time") : status == .unsubscribed ? column("unsub_time") : nil
        for record in records {
            do throws(ImportRowProblem) {
                let fields: [String]
                switch record.fields {
                case .success(let values): fields = values
                case .failure(let problem): throw ImportRowProblem(problem.description)
                }
                if fields == [""] { continue }
                guard addressColumn < fields.count else {
                    throw ImportRowProblem("the row has \(fields.count) fields and no 'Email Address'")
                }
                func time(_ index: Int?) throws(ImportRowProblem) -> Date? {
                    guard let index, index < fields.count else { return nil }
                    return try MailchimpTime.parse(fields[index])
                }
                contents.entries.append(
                    ImportEntry(
                        line: record.line, address: try Self.address(fields[addressColumn]), status: status,
                        optedIn: try time(optIn), confirmed: try time(confirm), left: try time(left)))
            } catch {
                contents.problems.append(ImportProblem(file: fileName, line: record.line, message: error.message))
            }
        }
        return contents
    }

    private func readPlainList(_ bytes: [UInt8]) -> Contents {
        var contents = Contents(kind: .plainList)
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        for (index, line) in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            guard let text = String(validating: trimmed, as: UTF8.self) else {
                contents.problems.append(
                    ImportProblem(file: fileName, line: number, message: "the line is not valid UTF-8"))
                continue
            }
            let address = text.trimmingCharacters(in: .whitespaces)
            if address.isEmpty || address.hasPrefix("#") { continue }
            do throws(ImportRowProblem) {
                contents.entries.append(
                    ImportEntry(
                        line: number, address: try Self.address(address), status: .subscribed, optedIn: nil,
                        confirmed: nil, left: nil))
            } catch {
                contents.problems.append(ImportProblem(file: fileName, line: number, message: error.message))
            }
        }
        return contents
    }

    /// The row's address, or a problem that shows it masked: import reports may be pasted into
    /// issues or chats.
    private static func address(_ text: String) throws(ImportRowProblem) -> EmailAddress {
        do {
            return try EmailAddress(text)
        } catch {
            throw ImportRowProblem("\(EmailAddress.mask(text)): \(error)")
        }
    }
}
