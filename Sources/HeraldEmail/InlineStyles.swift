/// Gives each element of an issue's rendered body its style as a `style` attribute.
///
/// Gmail, Outlook and most webmail drop `<link>` stylesheets and much of `<style>`, so every
/// style an email relies on has to be written on the element itself. Elements that already
/// carry a `style` (raw HTML from an editor) keep theirs.
enum InlineStyles {
    /// The width of the body column in pixels: the 660 px card less its side padding. Images
    /// without a `width` get it, so Outlook, which ignores CSS sizes, does not show them at
    /// their natural size and break the column.
    static let contentWidth = 596

    static let styles: [String: String] = [
        "h1": "margin:32px 0 12px 0;font-size:22px;line-height:1.3;color:#111827;",
        "h2":
            "margin:32px 0 12px 0;padding-bottom:4px;border-bottom:1px solid #e5e7eb;font-size:21px;line-height:1.3;color:#111827;",
        "h3": "margin:24px 0 8px 0;font-size:17px;line-height:1.35;color:#111827;",
        "h4": "margin:20px 0 8px 0;font-size:16px;line-height:1.4;color:#111827;",
        "h5": "margin:16px 0 8px 0;font-size:15px;color:#111827;",
        "h6": "margin:16px 0 8px 0;font-size:14px;color:#374151;",
        "p": "margin:0 0 14px 0;",
        "ul": "margin:0 0 14px 0;padding-left:24px;",
        "ol": "margin:0 0 14px 0;padding-left:24px;",
        "li": "margin:0 0 6px 0;",
        "a": "color:#0b62c4;text-decoration:underline;",
        "blockquote": "margin:0 0 14px 0;padding:4px 0 4px 16px;border-left:4px solid #d1d5db;color:#4b5563;",
        "pre":
            "margin:0 0 14px 0;padding:12px;background-color:#f6f8fa;border-radius:6px;font-size:13px;line-height:1.45;white-space:pre-wrap;word-wrap:break-word;",
        "code":
            "font-family:Menlo,Consolas,'Liberation Mono',monospace;font-size:90%;background-color:#f3f4f6;padding:1px 4px;border-radius:4px;",
        "table": "border-collapse:collapse;margin:0 0 14px 0;width:100%;font-size:14px;",
        "th": "border:1px solid #e5e7eb;padding:6px 8px;text-align:left;background-color:#f9fafb;",
        "td": "border:1px solid #e5e7eb;padding:6px 8px;text-align:left;vertical-align:top;",
        "img": "display:block;max-width:100%;height:auto;border:0;",
        "hr": "border:0;border-top:1px solid #e5e7eb;margin:24px 0;",
    ]

    /// `html` with a `style` on every element named in ``styles``, and a `width` and `alt` on
    /// every image that lacks them.
    static func applying(to html: String) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), let (name, nameEnd) = tagName(in: bytes, at: index + 1),
                let style = styles[name], let tagEnd = bytes[nameEnd...].firstIndex(of: UInt8(ascii: ">"))
            else {
                output.append(bytes[index])
                index += 1
                continue
            }
            let attributes = String(decoding: bytes[nameEnd..<tagEnd], as: UTF8.self)
            output += bytes[index..<nameEnd]
            if !attributes.contains(" style=") { output += Array(" style=\"\(style)\"".utf8) }
            if name == "img" {
                if !attributes.contains(" width=") { output += Array(" width=\"\(contentWidth)\"".utf8) }
                if !attributes.contains(" alt=") { output += Array(" alt=\"\"".utf8) }
            }
            index = nameEnd
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The lowercase element name starting at `start` and where it ends, when a space, `>` or
    /// `/` follows it.
    private static func tagName(in bytes: [UInt8], at start: Int) -> (String, Int)? {
        var end = start
        while end < bytes.count,
            (bytes[end] >= UInt8(ascii: "a") && bytes[end] <= UInt8(ascii: "z"))
                || (end > start && bytes[end] >= UInt8(ascii: "1") && bytes[end] <= UInt8(ascii: "6"))
        {
            end += 1
        }
        guard end > start, end < bytes.count,
            [UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "\n")].contains(bytes[end])
        else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), end)
    }
}
