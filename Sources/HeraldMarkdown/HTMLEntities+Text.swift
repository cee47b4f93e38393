extension HTMLEntities {
    /// `text` with its character references (`&amp;`, `&#39;`, `&#x2019;`, every HTML5 name)
    /// replaced by their characters, as CommonMark reads them; anything else, a lone `&` or an
    /// unknown name, is kept as written.
    ///
    /// Text Herald takes out of HTML (a fetched page's title, a forum post) is decoded here, with
    /// the engine's full table, so a page title and a Markdown link read `&nbsp;` alike.
    package static func decodingReferences(in text: some StringProtocol) -> String {
        var source = Array(text.utf8)
        guard source.contains(UInt8(ascii: "&")) else { return String(text) }
        return source.withUnsafeMutableBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(buffer)
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "&"), let next = decode(bytes, at: index, appendingTo: &output) {
                    index = next
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}
