extension String {
    /// The path with each byte beyond ASCII percent-encoded (`青` → `%E9%9D%92`) and every
    /// ASCII character kept: how an issue's address is written wherever it leaves the site's own
    /// pages (feeds, the sitemap, the email edition), since a reader's mail client or feed reader
    /// may not take a raw slug in Chinese or Arabic as part of a link.
    public var percentEncodingBeyondASCII: String {
        guard utf8.contains(where: { $0 >= 0x80 }) else { return self }
        var encoded = ""
        for byte in utf8 {
            if byte < 0x80 {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true)
            }
        }
        return encoded
    }
}
