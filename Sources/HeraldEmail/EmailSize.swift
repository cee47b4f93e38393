import Foundation

/// How big an email's HTML is, and which sections make it so.
///
/// Gmail shows only the first 102 KB of a message's HTML and hides the rest (and with it the
/// unsubscribe link) behind "View entire message". Editors need to know before sending, and
/// which sections to trim.
public struct EmailSize: Hashable, Sendable {
    /// The size at which Gmail clips a message's HTML, in bytes (102 × 1024).
    public static let gmailClippingLimit = 102 * 1024

    /// A section of the issue, from one `##` heading to the next, and its share of the HTML.
    public struct Section: Hashable, Sendable {
        public var heading: String
        public var bytes: Int
    }

    /// The HTML's size in bytes, as UTF-8.
    public var bytes: Int
    /// The sections, largest first.
    public var sections: [Section]

    /// Whether Gmail would clip the message.
    public var isClipped: Bool { bytes >= Self.gmailClippingLimit }

    /// Splits the styled body `html` at each `<h2`, naming each part after its heading.
    init(html: String, body: String) {
        bytes = html.utf8.count
        var sections: [Section] = []
        var parts = body.components(separatedBy: "<h2")
        let lead = parts.removeFirst()
        if !lead.isEmpty { sections.append(Section(heading: "(introduction)", bytes: lead.utf8.count)) }
        for part in parts {
            let heading = part.firstRange(of: "</h2>").map { EmailSize.text(of: String(part[..<$0.lowerBound])) } ?? ""
            sections.append(Section(heading: heading, bytes: part.utf8.count + 3))
        }
        self.sections = sections.sorted { $0.bytes > $1.bytes }
    }

    /// The words of a heading's HTML, after the rest of its opening tag.
    private static func text(of html: String) -> String {
        var text = ""
        var inTag = true
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension EmailSize {
    /// `bytes` for people: `87.4 KB` (1 KB = 1024 bytes, as Gmail counts).
    public static func kilobytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512) / 1024
        return "\(tenths / 10).\(tenths % 10) KB"
    }
}
