/// The character classes of CommonMark 0.31.2 that reach beyond ASCII: what decides whether a
/// delimiter run is left- or right-flanking.
enum UnicodeClasses {
    /// A Unicode whitespace character: general category Zs, or tab, line feed, form feed, carriage return.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0C || value == 0x0D
        }
        return scalar.properties.generalCategory == .spaceSeparator
    }

    /// A Unicode punctuation character: general category P* (punctuation) or S* (symbol).
    @inline(__always)
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return ASCII.isPunctuation(UInt8(value)) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Punctuation in the narrower sense of general category P* only (plus ASCII punctuation), as
    /// cmark-gfm tests the characters of an extended autolink's domain.
    static func isPunctuationProper(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return ASCII.isPunctuation(UInt8(value)) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// Decodes the scalar that starts at `index`, with its length; `nil` for a malformed sequence.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, startingAt index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF:
            length = 2
            value = UInt32(lead & 0x1F)
        case 0xE0...0xEF:
            length = 3
            value = UInt32(lead & 0x0F)
        case 0xF0...0xF4:
            length = 4
            value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// Decodes the scalar that ends just before `index` (the one a delimiter run follows).
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, endingBefore index: Int) -> Unicode.Scalar? {
        var start = index - 1
        while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard let (scalar, length) = scalar(in: bytes, startingAt: start), start + length == index else {
            return nil
        }
        return scalar
    }
}
