/// Why a text is not an address the list accepts, in words the person who typed it can act on.
public struct AddressError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Reason: Equatable, Sendable {
        case empty, controlCharacter, missingAt, emptyLocalPart, invalidLocalPart, emptyDomain
        case addressLiteral, domainWithoutDot, invalidDomain, labelTooLong
        case localPartTooLong(Int)
        case tooLong(Int)
    }

    let reason: Reason

    init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .empty: "the address is empty"
        case .controlCharacter: "the address contains a control character or line break"
        case .missingAt: "the address has no '@'"
        case .emptyLocalPart: "the address has nothing before the '@'"
        case .invalidLocalPart:
            "the part before the '@' has a character or dot that addresses cannot have (spaces, '..', '<', ',')"
        case .emptyDomain: "the address has no domain after the '@'"
        case .addressLiteral: "addresses with an IP literal ('[…]') are not accepted; use a domain name"
        case .domainWithoutDot: "the domain has no dot; write it in full, like 'example.org'"
        case .invalidDomain: "the domain is not a valid host name (letters, digits and inner hyphens per label)"
        case .labelTooLong: "a part of the domain is longer than 63 characters"
        case .localPartTooLong(let octets): "the part before the '@' is \(octets) bytes long; at most 64 are allowed"
        case .tooLong(let octets): "the address is \(octets) bytes long; at most 254 are allowed"
        }
    }
}
