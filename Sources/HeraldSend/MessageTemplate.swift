import Foundation
public import HeraldEmail

/// An issue's email edition cut into fixed byte segments around the few places that differ per
/// reader, so that each message is made by copying segments, not by rendering the issue again.
///
/// The edition is rendered once with a random marker as its unsubscribe link; the marker is found
/// in the quoted-printable body (where soft line breaks may split it) and every occurrence becomes
/// a slot. The personal header fields (`To`, `Message-ID`, `List-Unsubscribe`,
/// `List-Unsubscribe-Post`) replace the edition's own.
public struct MessageTemplate: Sendable {
    /// The header fields every reader shares, each ending in CRLF: `From`, `Subject`, `Date`.
    let sharedHeaders: [[UInt8]]
    /// `MIME-Version` and `Content-Type`, after the personal fields as mail tools write them.
    let mimeHeaders: [[UInt8]]
    /// The body (after the blank line) in pieces; a personal unsubscribe link goes between each two.
    let bodySegments: [[UInt8]]

    /// The header fields the template writes itself, in lower case.
    static let personalFields: Set<String> = ["to", "message-id", "list-unsubscribe", "list-unsubscribe-post"]

    /// Cuts `edition`, rendered with `marker` as its unsubscribe link, into segments.
    ///
    /// - Throws: ``SendError`` when the edition holds no unsubscribe link (a theme template whose
    ///   footer lacks `{{unsubscribeURL}}`): sending it would break the law in many countries.
    public init(edition: EmailEdition, marker: String) throws(SendError) {
        let bytes = Array(edition.message.utf8)
        guard let split = Self.headerEnd(in: bytes) else {
            throw SendError(.invalidEdition, "the email edition has no header section")
        }
        let named = Self.fields(in: bytes[..<split.header]).map { field in
            (String(decoding: field.prefix { $0 != UInt8(ascii: ":") }, as: UTF8.self).lowercased(), field)
        }.filter { !Self.personalFields.contains($0.0) }
        let isMIME = { (name: String) in name == "mime-version" || name.hasPrefix("content-") }
        sharedHeaders = named.filter { !isMIME($0.0) }.map(\.1)
        mimeHeaders = named.filter { isMIME($0.0) }.map(\.1)
        bodySegments = Self.segments(of: Array(bytes[split.body...]), around: Array(marker.utf8))
        guard bodySegments.count > 1 else {
            throw SendError(
                .invalidEdition,
                "the email edition has no unsubscribe link; theme/email.mustache must use {{unsubscribeURL}}")
        }
    }

    /// A marker no issue holds by chance: letters and digits only, so quoted-printable leaves it alone.
    public static func randomMarker() -> String {
        "heraldunsubscribe" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// The message for one reader.
    public func message(to address: String, messageID: String, unsubscribeURL: String) -> [UInt8] {
        let link = QuotedPrintableLink.encode(unsubscribeURL)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(bodySegments.reduce(1024) { $0 + $1.count } + link.count * bodySegments.count)
        for field in sharedHeaders { bytes += field }
        bytes += Array("To: \(address)\r\nMessage-ID: <\(messageID)>\r\n".utf8)
        bytes += Array("List-Unsubscribe: <\(unsubscribeURL)>\r\n".utf8)
        bytes += Array("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n".utf8)
        for field in mimeHeaders { bytes += field }
        bytes += [13, 10]
        for (index, segment) in bodySegments.enumerated() {
            if index > 0 { bytes += link }
            bytes += segment
        }
        return bytes
    }

    /// Where the header section ends (before its blank line) and the body starts.
    static func headerEnd(in bytes: [UInt8]) -> (header: Int, body: Int)? {
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 {
                return (index + 2, index + 4)
            }
            index += 1
        }
        return nil
    }

    /// The header fields, each with its folded continuation lines and final CRLF.
    static func fields(in header: ArraySlice<UInt8>) -> [[UInt8]] {
        var fields: [[UInt8]] = []
        var lineStart = header.startIndex
        var index = header.startIndex
        while index < header.endIndex {
            guard header[index] == 10 else {
                index += 1
                continue
            }
            let line = Array(header[lineStart...index])
            if let first = line.first, first == 32 || first == 9, !fields.isEmpty {
                fields[fields.count - 1] += line
            } else {
                fields.append(line)
            }
            index += 1
            lineStart = index
        }
        return fields
    }

    /// `body` cut at every occurrence of `marker`, which may be split by soft line breaks (`=` CRLF).
    static func segments(of body: [UInt8], around marker: [UInt8]) -> [[UInt8]] {
        var segments: [[UInt8]] = []
        var segmentStart = 0
        var index = 0
        while index < body.count {
            if body[index] == marker[0], let end = matchEnd(of: marker, in: body, at: index) {
                segments.append(Array(body[segmentStart..<index]))
                segmentStart = end
                index = end
            } else {
                index += 1
            }
        }
        segments.append(Array(body[segmentStart...]))
        return segments
    }

    private static func matchEnd(of marker: [UInt8], in body: [UInt8], at start: Int) -> Int? {
        var position = start
        var matched = 0
        while matched < marker.count, position < body.count {
            if body[position] == marker[matched] {
                position += 1
                matched += 1
            } else if matched > 0, position + 2 < body.count, body[position] == UInt8(ascii: "="),
                body[position + 1] == 13, body[position + 2] == 10
            {
                position += 3
            } else {
                return nil
            }
        }
        return matched == marker.count ? position : nil
    }
}
