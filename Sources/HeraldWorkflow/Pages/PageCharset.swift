import Foundation

/// The character encoding a fetched page declares, and its bytes turned into UTF-8.
///
/// Most pages are UTF-8, but older blogs and forums still send ISO-8859-1 or windows-1252
/// (`Content-Type: text/html; charset=iso-8859-1`, `<meta charset="windows-1252">`); read as
/// UTF-8 their titles become `Caf� Z�rich`. As browsers do, the header wins over the page,
/// and ISO-8859-1 and ASCII are read as windows-1252, their superset.
enum PageCharset: Hashable, Sendable {
    case utf8
    case windows1252

    /// The encoding of `html`: from the `Content-Type` header, else a byte-order mark, else a
    /// `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes, else UTF-8.
    init(of html: [UInt8], contentType: String?) {
        if let declared = contentType.flatMap(PageCharset.label(inContentType:)).flatMap(PageCharset.init(label:)) {
            self = declared
            return
        }
        if html.starts(with: [0xEF, 0xBB, 0xBF]) {
            self = .utf8
            return
        }
        var scanner = HTMLTagScanner(Array(html.prefix(1024)))
        while let tag = scanner.nextTag() {
            guard tag.name == "meta" else { continue }
            let label =
                tag.value("charset")
                ?? (tag.value("http-equiv")?.lowercased() == "content-type"
                    ? tag.value("content").flatMap(PageCharset.label(inContentType:)) : nil)
            if let label, let charset = PageCharset(label: label) {
                self = charset
                return
            }
        }
        self = .utf8
    }

    /// The encoding a label names, for the labels Herald reads; `nil` for any other.
    init?(label: String) {
        switch label.trimmingCharacters(in: .whitespaces).lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8": self = .utf8
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "cp819", "ibm819", "us-ascii", "ascii",
            "windows-1252", "cp1252", "x-cp1252":
            self = .windows1252
        default: return nil
        }
    }

    /// `html` as UTF-8 bytes.
    func utf8(_ html: [UInt8]) -> [UInt8] {
        switch self {
        case .utf8:
            return html
        case .windows1252:
            var text = String.UnicodeScalarView()
            for byte in html {
                if (0x80...0x9F).contains(byte),
                    let scalar = Unicode.Scalar(PageCharset.windows1252High[Int(byte) - 0x80])
                {
                    text.append(scalar)
                } else {
                    text.append(Unicode.Scalar(byte))
                }
            }
            return Array(String(text).utf8)
        }
    }

    /// The `charset` parameter of a `Content-Type` value.
    private static func label(inContentType value: String) -> String? {
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else {
                continue
            }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        }
        return nil
    }

    /// What windows-1252 puts at 0x80–0x9F (C1 controls in ISO-8859-1): `€`, curly quotes, dashes.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
