import Crypto
import Foundation
import _CryptoExtras

/// Signs messages with DKIM (RFC 6376), relaxed/relaxed, with an RSA key (rsa-sha256) or an
/// Ed25519 key (ed25519-sha256, RFC 8463), so receivers can check the mail comes from the domain.
public struct DKIMSigner: MessageSigner {
    /// The key and its algorithm.
    enum Key: Sendable {
        case rsa(_RSA.Signing.PrivateKey)
        /// The seed, as `Curve25519.Signing.PrivateKey` is not `Sendable`; a key is made per message.
        case ed25519(seed: Data)

        var algorithm: String {
            switch self {
            case .rsa: "rsa-sha256"
            case .ed25519: "ed25519-sha256"
            }
        }
    }

    let key: Key
    public let domain: String
    public let selector: String
    /// The fields signed, in lower case; each one the message has is signed once.
    static let signedFields = [
        "from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post", "mime-version",
        "content-type",
    ]

    /// Reads a PEM private key: `BEGIN PRIVATE KEY` (PKCS #8, RSA or Ed25519) or `BEGIN RSA PRIVATE KEY`.
    public init(pem: String, domain: String, selector: String) throws(DKIMKeyError) {
        self.domain = domain
        self.selector = selector
        if let seed = Self.ed25519Seed(pem) {
            do {
                _ = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
                key = .ed25519(seed: seed)
            } catch {
                throw DKIMKeyError("the Ed25519 key is not usable: \(error)")
            }
            return
        }
        do {
            key = .rsa(try _RSA.Signing.PrivateKey(pemRepresentation: pem))
        } catch {
            throw DKIMKeyError(
                "the file holds neither an RSA key of 2048 bits or more nor an Ed25519 key in PEM (\(error))")
        }
    }

    public func sign(_ message: [UInt8]) -> [UInt8] {
        sign(message, at: Date())
    }

    /// The message with a `DKIM-Signature` field first.
    func sign(_ message: [UInt8], at time: Date) -> [UInt8] {
        guard let split = MessageTemplate.headerEnd(in: message) else { return message }
        let bodyHash = Data(SHA256.hash(data: DKIMCanonicalization.body(message[split.body...])))
        var byName: [String: [UInt8]] = [:]
        for field in MessageTemplate.fields(in: message[..<split.header]) {
            let name = String(decoding: field.prefix { $0 != UInt8(ascii: ":") }, as: UTF8.self)
                .trimmingCharacters(in: .whitespaces).lowercased()
            if byName[name] == nil { byName[name] = field }
        }
        let names = Self.signedFields.filter { byName[$0] != nil }
        var tags = "v=1; a=\(key.algorithm); c=relaxed/relaxed; d=\(domain); s=\(selector);\r\n"
        tags += "\tt=\(Int(time.timeIntervalSince1970)); h=\(names.joined(separator: ":"));\r\n"
        tags += "\tbh=\(bodyHash.base64EncodedString());\r\n\tb="
        let unsigned = Array("DKIM-Signature: \(tags)".utf8)
        var signed: [UInt8] = []
        for name in names { signed += DKIMCanonicalization.header(byName[name]!) }
        signed += DKIMCanonicalization.header(unsigned).dropLast(2)
        let signature: Data
        do {
            switch key {
            case .rsa(let key):
                signature = try key.signature(for: signed, padding: .insecurePKCS1v1_5).rawRepresentation
            case .ed25519(let seed):
                signature = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
                    .signature(for: Data(SHA256.hash(data: signed)))
            }
        } catch {
            return message
        }
        return unsigned + Array(Self.folded(signature.base64EncodedString()).utf8) + [13, 10] + message
    }

    /// The base64 signature in lines of 72, folded with a tab, as relaxed canonicalization ignores.
    static func folded(_ text: String) -> String {
        var lines: [Substring] = []
        var rest = Substring(text)
        while rest.count > 72 {
            lines.append(rest.prefix(72))
            rest = rest.dropFirst(72)
        }
        lines.append(rest)
        return lines.joined(separator: "\r\n\t")
    }

    /// The 32-byte seed of a PKCS #8 Ed25519 key (OID 1.3.101.112), or `nil` for another key.
    static func ed25519Seed(_ pem: String) -> Data? {
        let body = pem.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        guard pem.contains("BEGIN PRIVATE KEY"), let der = Data(base64Encoded: body), der.count == 48 else {
            return nil
        }
        let prefix: [UInt8] = [
            0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
        ]
        guard Array(der.prefix(16)) == prefix else { return nil }
        return der.suffix(32)
    }
}

/// `[send] dkim_key` cannot be used.
public struct DKIMKeyError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
