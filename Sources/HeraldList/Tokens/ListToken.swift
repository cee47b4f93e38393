import Crypto
public import Foundation

/// Signs and checks the tokens in confirmation and unsubscribe links.
///
/// A token is URL-safe base64 of: a format version, the purpose, the subscriber's row id and the
/// time it was issued, followed by HMAC-SHA256 over all of them. It holds no address, so a link
/// that leaks tells nothing about its reader; it needs no table, so a link in a ten-year-old
/// issue still works. Confirmation tokens expire after ``confirmationLifetime``; unsubscribe
/// tokens never do.
public struct ListTokenSigner: Sendable {
    /// What a token lets its bearer do; part of the signed bytes, so one cannot pass for another.
    public enum Purpose: UInt8, Sendable {
        case confirm = 1
        case unsubscribe = 2
    }

    /// The secret's bytes; a `SymmetricKey` is made for each use, as it is not `Sendable`.
    private let secret: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// Seven days: long enough for a reader back from a weekend, short enough that an old
    /// confirmation mail cannot subscribe someone who has forgotten signing up.
    public static let confirmationLifetime: TimeInterval = 7 * 86_400
    /// How far in the future an issue time may lie, for clocks a little apart between servers.
    static let clockSkew: TimeInterval = 300
    private static let version: UInt8 = 1
    private static let signedLength = 18
    private static let length = signedLength + 32

    public init(secret: ListSecret) {
        self.secret = secret.bytes
    }

    /// A token for `subscriberID` to do `purpose`, issued at `now`.
    public func token(for subscriberID: Int64, purpose: Purpose, now: Date = Date()) -> String {
        var bytes: [UInt8] = [Self.version, purpose.rawValue]
        bytes += Self.bigEndian(UInt64(bitPattern: subscriberID))
        bytes += Self.bigEndian(UInt64(bitPattern: Int64(now.timeIntervalSince1970.rounded(.down))))
        bytes += HMAC<SHA256>.authenticationCode(for: bytes, using: key)
        return Self.encode(bytes)
    }

    /// The subscriber id `token` was issued for, if it is genuine, for `purpose`, and not expired.
    public func subscriberID(from token: String, for purpose: Purpose, now: Date = Date()) throws(ListTokenError)
        -> Int64
    {
        try verify(token, for: purpose, now: now).subscriberID
    }

    /// The subscriber id and issue time of a genuine, unexpired `token` for `purpose`: the time
    /// lets a confirmation tell a link mailed after a reader left from one mailed before.
    public func verify(_ token: String, for purpose: Purpose, now: Date = Date()) throws(ListTokenError)
        -> (subscriberID: Int64, issuedAt: Date)
    {
        guard let bytes = Self.decode(token), bytes.count == Self.length, bytes[0] == Self.version else {
            throw ListTokenError.malformed
        }
        let signed = bytes[..<Self.signedLength]
        guard HMAC<SHA256>.isValidAuthenticationCode(bytes[Self.signedLength...], authenticating: signed, using: key)
        else { throw ListTokenError.forged }
        guard bytes[1] == purpose.rawValue else { throw ListTokenError.wrongPurpose }
        let id = Int64(bitPattern: Self.integer(bytes[2..<10]))
        let issued = TimeInterval(Int64(bitPattern: Self.integer(bytes[10..<18])))
        let age = now.timeIntervalSince1970 - issued
        if age < -Self.clockSkew { throw ListTokenError.forged }
        if purpose == .confirm, age > Self.confirmationLifetime { throw ListTokenError.expired }
        return (id, Date(timeIntervalSince1970: issued))
    }

    private static func decode(_ token: String) -> [UInt8]? {
        guard token.utf8.count <= 128,
            token.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let bytes = Data(base64Encoded: base64).map(Array.init) else { return nil }
        // Only the one spelling the signer writes: unused trailing bits must not give a second.
        return encode(bytes) == token ? bytes : nil
    }

    private static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
    }

    private static func integer(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// Why a token was not accepted; every case changes nothing on the list.
public enum ListTokenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a token at all: truncated, padded, wrong characters.
    case malformed
    /// Well-formed but not signed with this list's secret, or altered.
    case forged
    /// A genuine token for something else (an unsubscribe token used to confirm).
    case wrongPurpose
    /// A confirmation token older than seven days.
    case expired

    public var description: String {
        switch self {
        case .malformed: "the link is incomplete or damaged; copy the whole link from the mail"
        case .forged: "the link was not made by this list"
        case .wrongPurpose: "the link is for something else"
        case .expired: "the confirmation link has expired; sign up again for a new one"
        }
    }
}

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }
}
