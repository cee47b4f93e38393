/// Reads RFC 4180 CSV as exported by spreadsheets and Mailchimp: quoted fields with doubled
/// quotes, commas and line breaks inside quotes, CRLF or LF line ends, a leading byte-order mark.
///
/// It never stops at a bad record: each record carries its fields or what was wrong with it, and
/// the line it starts on, so one broken row is reported and the others are still read.
struct CSVReader: IteratorProtocol, Sequence {
    struct Record {
        /// The 1-based line the record starts on.
        let line: Int
        let fields: Result<[String], CSVProblem>
    }

    private let bytes: [UInt8]
    private var index: Int
    private var line = 1

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    mutating func next() -> Record? {
        guard index < bytes.count else { return nil }
        let start = line
        var fields: [String] = []
        var field: [UInt8] = []
        var problem: CSVProblem?
        var inQuotes = false
        var wasQuoted = false

        func finish() {
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else if problem == nil {
                problem = .invalidUTF8(field: fields.count + 1)
                fields.append("")
            }
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }

        while true {
            guard index < bytes.count else {
                if inQuotes, problem == nil { problem = .unclosedQuote }
                finish()
                break
            }
            let byte = bytes[index]
            if inQuotes {
                if byte == Self.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                        field.append(Self.quote)
                        index += 2
                    } else {
                        inQuotes = false
                        index += 1
                    }
                    continue
                }
                if byte == Self.carriageReturn || byte == Self.lineFeed {
                    consumeLineEnd()
                    field.append(Self.lineFeed)
                    continue
                }
                field.append(byte)
                index += 1
            } else if byte == Self.comma {
                finish()
                index += 1
            } else if byte == Self.carriageReturn || byte == Self.lineFeed {
                consumeLineEnd()
                finish()
                break
            } else if byte == Self.quote, field.isEmpty, !wasQuoted {
                inQuotes = true
                wasQuoted = true
                index += 1
            } else {
                if wasQuoted, problem == nil { problem = .textAfterQuote(field: fields.count + 1) }
                field.append(byte)
                index += 1
            }
        }
        return Record(line: start, fields: problem.map { .failure($0) } ?? .success(fields))
    }

    /// Steps over CRLF, LF or a lone CR, counting one line.
    private mutating func consumeLineEnd() {
        if bytes[index] == Self.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == Self.lineFeed {
            index += 2
        } else {
            index += 1
        }
        line += 1
    }
}

/// What made a CSV record unreadable.
enum CSVProblem: Error, Equatable, CustomStringConvertible {
    case unclosedQuote
    case textAfterQuote(field: Int)
    case invalidUTF8(field: Int)

    var description: String {
        switch self {
        case .unclosedQuote: "a quoted field is never closed"
        case .textAfterQuote(let field): "field \(field) has text after its closing quote"
        case .invalidUTF8(let field): "field \(field) is not valid UTF-8"
        }
    }
}
