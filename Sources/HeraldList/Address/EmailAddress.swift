import Foundation

/// A mail address that passed the list's syntax and length checks, with the key it is looked up by.
///
/// The one place these rules live: imports, `herald list add` and the sign-up service all build
/// addresses here, so a reader cannot be on the list twice under two spellings of one domain.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address as given, without surrounding white space: what mails are sent to and shown.
    public let text: String
    /// The local part as given, `@`, and the domain lowercased with internationalised labels in
    /// their ASCII (punycode) form: `Jane@Bücher.Example` → `Jane@xn--bcher-kva.example`.
    public let key: String

    /// RFC 5321's limits, in octets.
    public static let maximumLocalPartLength = 64
    public static let maximumLength = 254
    public static let maximumLabelLength = 63

    /// Checks `text` and derives its lookup key.
    public init(_ text: String) throws(AddressError) {
        let padded = text.first?.isWhitespace == true || text.last?.isWhitespace == true
        let trimmed = padded ? text.trimmingCharacters(in: .whitespaces) : text
        if trimmed.isEmpty { throw AddressError(.empty) }
        if trimmed.unicodeScalars.contains(where: Self.isControl) { throw AddressError(.controlCharacter) }
        guard let at = trimmed.lastIndex(of: "@") else { throw AddressError(.missingAt) }
        let local = String(trimmed[..<at])
        let domain = String(trimmed[trimmed.index(after: at)...])
        try Self.checkLocalPart(local)
        let asciiDomain = try Self.lookupDomain(domain)
        let key = local + "@" + asciiDomain
        let length = max(trimmed.utf8.count, key.utf8.count)
        guard length <= Self.maximumLength else { throw AddressError(.tooLong(length)) }
        self.text = trimmed
        self.key = key
    }

    public var description: String { text }

    /// The address with its local part hidden (`j***@example.org`), for logs and reports that
    /// may be kept or shared.
    public var masked: String { Self.mask(text) }

    /// Masks any text that may be an address, valid or not: everything before the last `@`
    /// but its first character becomes `***`.
    public static func mask(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@") else {
            return text.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) + "***" : "***" } ?? ""
        }
        let first = text[..<at].first.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "" } ?? ""
        let domain = text[text.index(after: at)...].unicodeScalars.filter { !isControl($0) }
        return first + "***@" + String(String.UnicodeScalarView(domain))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// RFC 5321's dot-atom or quoted string; UTF-8 beyond ASCII is allowed (RFC 6531).
    private static func checkLocalPart(_ local: String) throws(AddressError) {
        if local.isEmpty { throw AddressError(.emptyLocalPart) }
        let octets = local.utf8.count
        guard octets <= maximumLocalPartLength else { throw AddressError(.localPartTooLong(octets)) }
        let scalars = local.unicodeScalars
        if scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" {
            var escaped = false
            for scalar in scalars.dropFirst().dropLast() {
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    throw AddressError(.invalidLocalPart)
                }
            }
            if escaped { throw AddressError(.invalidLocalPart) }
            return
        }
        // A dot-atom: atoms of atext joined by single dots, none at either end.
        var previous: Unicode.Scalar = "."
        for scalar in scalars {
            if scalar == "." ? previous == "." : !isAtomText(scalar) { throw AddressError(.invalidLocalPart) }
            previous = scalar
        }
        if previous == "." { throw AddressError(.invalidLocalPart) }
    }

    /// RFC 5322's atext, plus every scalar beyond ASCII (RFC 6531).
    private static func isAtomText(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x80...: true
        case 0x21, 0x23...0x27, 0x2A, 0x2B, 0x2D, 0x2F, 0x3D, 0x3F, 0x5E...0x60, 0x7B...0x7E: true
        default: false
        }
    }

    /// The domain as the key stores it: lowercased, each internationalised label punycoded.
    private static func lookupDomain(_ domain: String) throws(AddressError) -> String {
        if domain.isEmpty { throw AddressError(.emptyDomain) }
        if domain.hasPrefix("[") { throw AddressError(.addressLiteral) }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { throw AddressError(.domainWithoutDot) }
        var ascii: [String] = []
        for label in labels {
            ascii.append(try asciiLabel(String(label)))
        }
        if ascii.last!.allSatisfy(\.isNumber) { throw AddressError(.invalidDomain) }
        return ascii.joined(separator: ".")
    }

    private static func asciiLabel(_ label: String) throws(AddressError) -> String {
        guard !label.isEmpty else { throw AddressError(.invalidDomain) }
        let isASCII = label.utf8.allSatisfy { $0 < 0x80 }
        // Composing is only needed beyond ASCII, and costs more than the rest of the check.
        let lowered = isASCII ? label.lowercased() : label.lowercased().precomposedStringWithCanonicalMapping
        guard lowered.unicodeScalars.count <= maximumLabelLength else { throw AddressError(.labelTooLong) }
        for scalar in lowered.unicodeScalars {
            guard isHostNameCharacter(scalar) else { throw AddressError(.invalidDomain) }
        }
        if lowered.hasPrefix("-") || lowered.hasSuffix("-") { throw AddressError(.invalidDomain) }
        if isASCII || lowered.utf8.allSatisfy({ $0 < 0x80 }) { return lowered }
        let encoded = "xn--" + Punycode.encode(lowered.unicodeScalars)
        guard encoded.count <= maximumLabelLength else { throw AddressError(.labelTooLong) }
        return encoded
    }

    /// ASCII letters, digits and hyphens; beyond ASCII, letters, marks and digits (IDNA's rough
    /// shape; spaces, symbols and punctuation are refused).
    private static func isHostNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        }
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
            .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }
}
