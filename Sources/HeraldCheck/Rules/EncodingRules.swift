import HeraldCore

/// `invalid-utf8` and `mojibake`: bytes that are not text, and text damaged on its way.
enum EncodingRules {
    static func check(_ file: CheckedFile, into findings: inout FindingList) {
        for invalid in file.invalidUTF8 {
            let hex = invalid.bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            findings.report(
                .invalidUTF8, at: invalid.location, "byte \(invalid.offset) (\(hex)) is not valid UTF-8",
                fix: "save the file as UTF-8 and retype the character")
        }
        for damage in file.bytes.withUnsafeBufferPointer(Mojibake.find(in:)) {
            findings.report(
                .mojibake, at: file.location(ofOffset: damage.range.lowerBound),
                "'\(damage.original)' is '\(damage.repaired.visible)' decoded as Windows-1252",
                fix: "write '\(damage.repaired.visible)'",
                edit: TextEdit(range: damage.range, replacement: damage.repaired))
        }
    }
}

extension String {
    /// The text with invisible spaces named, for messages.
    fileprivate var visible: String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\u{A0}": result += "<no-break space>"
            case "\u{AD}": result += "<soft hyphen>"
            case "\u{200B}": result += "<zero-width space>"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
