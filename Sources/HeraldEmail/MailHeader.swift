import Foundation
import HeraldCore
import HeraldMarkdown

/// One header field of the `.eml`, the only way a header line is made.
///
/// A line break inside a value would end the field and start another (a `Bcc:` an attacker
/// chose), so every value is checked scalar by scalar — Swift keeps CRLF as one `Character`
/// equal to neither "\r" nor "\n" — and a value holding any control character is refused
/// with a problem naming where it came from. The only line breaks in a written field are the
/// folds this type puts between encoded words.
struct MailHeader: Sendable {
    /// Where a value came from, for the problem that refuses it.
    struct Origin: Sendable {
        var file: String
        var line: Int?
        /// What the value is, as the user wrote it: `[email] to`, `the Slug`.
        var name: String

        /// A key of `herald.toml`.
        static func configuration(_ key: String) -> Origin {
            Origin(file: NewsletterConfiguration.fileName, line: nil, name: key)
        }

        /// A metadata field of an issue file.
        static func metadata(_ key: String, of issue: IssueFile) -> Origin {
            Origin(file: issue.path, line: issue.metadata.lines[key.lowercased()], name: "the \(key) line")
        }
    }

    let name: String
    /// The value's pieces, each free of control characters, folded onto continuation lines.
    private let pieces: [String]

    /// A field whose value is free text (`Subject`), sent as encoded words when not ASCII.
    static func text(_ name: String, _ value: String, from origins: [(String, Origin)]) throws(HeraldError)
        -> MailHeader
    {
        for (part, origin) in origins { try refuseControlCharacters(in: part, from: origin) }
        try refuseControlCharacters(in: value, from: origins.first?.1 ?? .configuration(name))
        return MailHeader(name: name, pieces: EncodedWord.words(value))
    }

    /// A mailbox field (`From`, `To`): `Name <address>`, the name quoted or encoded as needed.
    static func mailbox(_ name: String, _ value: String, from origin: Origin) throws(HeraldError) -> MailHeader {
        try refuseControlCharacters(in: value, from: origin)
        return MailHeader(name: name, pieces: [mailboxValue(value)])
    }

    /// A structured field (`Message-ID`, `List-Unsubscribe`, `Date`) whose value is written as is.
    static func structured(_ name: String, _ value: String, from origin: Origin) throws(HeraldError) -> MailHeader {
        try refuseControlCharacters(in: value, from: origin)
        return MailHeader(name: name, pieces: [value])
    }

    /// The field as it goes on the wire, without its final CRLF.
    var line: String { "\(name): " + pieces.joined(separator: "\r\n ") }

    private static func refuseControlCharacters(in value: String, from origin: Origin) throws(HeraldError) {
        guard let scalar = value.unicodeScalars.first(where: { ControlCharacters.isUnsafe($0) || $0 == "\t" }) else {
            return
        }
        throw HeraldError(
            Problem(
                .invalidValue, file: origin.file, location: origin.line.map { SourceLocation(line: $0, column: 1) },
                message: "\(origin.name) holds the control character \(ControlCharacters.name(of: scalar)), which "
                    + "would end the mail header and could start another; Herald does not write it",
                fix: "remove the character (a line break, tab or invisible control) from the value"))
    }

    /// `Name <address>` with the name encoded when it is not ASCII and quoted when it holds
    /// characters RFC 5322 reserves (a title such as `This Week in Rust, Inc.`).
    static func mailboxValue(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<") else { return text }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let address = text[open...]
        if name.isEmpty || name.hasPrefix("\"") { return text }
        if name.utf8.contains(where: { $0 > 0x7E }) {
            return EncodedWord.words(name).joined(separator: " ") + " " + address
        }
        if name.contains(where: { "()<>[]:;@\\,.\"".contains($0) }) {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" \(address)"
        }
        return text
    }
}
