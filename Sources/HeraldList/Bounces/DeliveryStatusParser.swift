import Foundation

/// Reads delivery status notifications (RFC 3464): a `multipart/report; report-type=delivery-status`
/// message whose `message/delivery-status` part holds one field group per recipient.
///
/// Hostile input is expected (anyone can send a bounce-shaped mail to the bounce address): the
/// parser never traps, reads at most the first megabyte of a message, and yields nothing for a
/// message it does not understand.
public enum DeliveryStatusParser {
    static let limit = 1 << 20

    /// The per-recipient reports in `message`; empty for a message that is not a notification.
    public static func reports(in message: [UInt8]) -> [BounceReport] {
        let text = String(decoding: message.prefix(limit), as: UTF8.self)
            .replacingOccurrences(of: "\r\n", with: "\n")
        guard let (header, body) = split(text) else { return [] }
        let fields = headerFields(header)
        let notificationID = fields["message-id"]
        guard let contentType = fields["content-type"], contentType.lowercased().contains("multipart/report"),
            let boundary = parameter("boundary", in: contentType)
        else { return [] }
        for part in body.components(separatedBy: "\n--" + boundary).dropFirst() {
            let trimmed = part.hasPrefix("\n") ? String(part.dropFirst()) : part
            guard let (partHeader, partBody) = split(trimmed),
                headerFields(partHeader)["content-type"]?.lowercased().hasPrefix("message/delivery-status") == true
            else { continue }
            return recipientReports(partBody, notificationID: notificationID)
        }
        return []
    }

    /// The field groups after the per-message one, each a recipient.
    static func recipientReports(_ body: String, notificationID: String?) -> [BounceReport] {
        let groups = body.components(separatedBy: "\n\n").map { headerFields($0) }.filter { !$0.isEmpty }
        return groups.compactMap { group in
            guard let recipientField = group["final-recipient"] ?? group["original-recipient"],
                let action = group["action"]?.lowercased()
            else { return nil }
            let recipient = addressPart(recipientField)
            guard !recipient.isEmpty, recipient.contains("@") else { return nil }
            let status = group["status"].map { String($0.prefix { !$0.isWhitespace }) }
            let kind: BounceReport.Kind
            if action.hasPrefix("failed") {
                kind = status?.hasPrefix("4") == true ? .soft : .hard
            } else if action.hasPrefix("delayed") {
                kind = .soft
            } else {
                return nil
            }
            return BounceReport(recipient: recipient, kind: kind, status: status, notificationID: notificationID)
        }
    }

    /// `rfc822; reader@example.org` → `reader@example.org`.
    static func addressPart(_ value: String) -> String {
        let address = value.split(separator: ";", maxSplits: 1).last.map(String.init) ?? value
        return address.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
    }

    static func split(_ text: String) -> (String, String)? {
        guard let range = text.range(of: "\n\n") else { return nil }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }

    /// Field names in lower case, folded lines joined; the first of a repeated field wins.
    static func headerFields(_ header: String) -> [String: String] {
        var fields: [String: String] = [:]
        var lastName: String?
        for line in header.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == " " || line.first == "\t", let name = lastName {
                fields[name, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard fields[name] == nil else {
                lastName = nil
                continue
            }
            fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            lastName = name
        }
        return fields
    }

    /// A MIME parameter's value: `boundary="abc"` in `multipart/report; boundary="abc"`.
    static func parameter(_ name: String, in value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            let raw = pair[1].trimmingCharacters(in: .whitespaces)
            let quoted = raw.hasPrefix("\"") && raw.hasSuffix("\"") && raw.count >= 2
            let unquoted = quoted ? String(raw.dropFirst().dropLast()) : raw
            return unquoted.isEmpty ? nil : unquoted
        }
        return nil
    }
}
