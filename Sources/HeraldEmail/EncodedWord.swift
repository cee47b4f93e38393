import Foundation

/// Header text that may not be ASCII, written as RFC 2047 encoded words when it is not.
///
/// Headers are 7-bit; a subject such as `Cette semaine en Quill 44 — édition d’été` must travel
/// as `=?UTF-8?B?…?=`. Each encoded word stays within RFC 2047's 75 characters and never
/// splits a character, and the words are folded onto continuation lines.
enum EncodedWord {
    /// `text` as it may appear in a header: unchanged when it is printable ASCII, else base64
    /// encoded words, which ``MailHeader`` folds onto continuation lines.
    static func words(_ text: String) -> [String] {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 > 0x7E }) else { return [text] }
        // "=?UTF-8?B?" + "?=" is 12 characters; 45 bytes make 60 base64 characters.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}
