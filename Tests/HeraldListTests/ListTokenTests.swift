import Foundation
import HeraldList
import Testing

@Suite struct ListTokenTests {
    static let secret = try! ListSecret("0123456789abcdef0123456789abcdef-test-only")
    static let signer = ListTokenSigner(secret: secret)
    static let issued = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func aTokenNamesItsSubscriberForItsPurpose() throws {
        let token = Self.signer.token(for: 42, purpose: .confirm, now: Self.issued)
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(try Self.signer.subscriberID(from: token, for: .confirm, now: Self.issued.addingTimeInterval(60)) == 42)
        #expect(throws: ListTokenError.wrongPurpose) {
            try Self.signer.subscriberID(from: token, for: .unsubscribe, now: Self.issued)
        }
    }

    @Test func confirmationTokensExpireAfterSevenDaysUnsubscribeTokensNever() throws {
        let confirm = Self.signer.token(for: 7, purpose: .confirm, now: Self.issued)
        let week = ListTokenSigner.confirmationLifetime
        #expect(
            try Self.signer.subscriberID(from: confirm, for: .confirm, now: Self.issued.addingTimeInterval(week)) == 7)
        #expect(throws: ListTokenError.expired) {
            try Self.signer.subscriberID(from: confirm, for: .confirm, now: Self.issued.addingTimeInterval(week + 1))
        }
        let unsubscribe = Self.signer.token(for: 7, purpose: .unsubscribe, now: Self.issued)
        let tenYears = Self.issued.addingTimeInterval(10 * 365 * 86_400)
        #expect(try Self.signer.subscriberID(from: unsubscribe, for: .unsubscribe, now: tenYears) == 7)
    }

    @Test func forgedAlteredAndTruncatedTokensAreRejected() throws {
        let token = Self.signer.token(for: 42, purpose: .unsubscribe, now: Self.issued)
        let other = ListTokenSigner(secret: try ListSecret(String(repeating: "z", count: 40)))
        #expect(throws: ListTokenError.forged) {
            try Self.signer.subscriberID(
                from: other.token(for: 42, purpose: .unsubscribe, now: Self.issued), for: .unsubscribe)
        }
        // Every single changed character is caught.
        for index in token.indices {
            var altered = token
            altered.replaceSubrange(index...index, with: token[index] == "A" ? "B" : "A")
            #expect(throws: ListTokenError.self) { try Self.signer.subscriberID(from: altered, for: .unsubscribe) }
        }
        for length in [0, 1, 10, token.count - 1] {
            #expect(throws: ListTokenError.malformed) {
                try Self.signer.subscriberID(from: String(token.prefix(length)), for: .unsubscribe)
            }
        }
        for junk in [token + "A", token + "=", "../../etc/passwd", token.replacingOccurrences(of: "-", with: "+")]
        where junk != token {
            #expect(throws: ListTokenError.self) { try Self.signer.subscriberID(from: junk, for: .unsubscribe) }
        }
    }

    @Test func aTokenFromTheFutureIsRejected() {
        let token = Self.signer.token(for: 1, purpose: .unsubscribe, now: Self.issued.addingTimeInterval(3_600))
        #expect(throws: ListTokenError.forged) {
            try Self.signer.subscriberID(from: token, for: .unsubscribe, now: Self.issued)
        }
    }

    @Test func theSecretComesFromTheEnvironmentOrAPrivateFile() throws {
        let folder = try TestStores.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("secret").path
        try Data((String(repeating: "s", count: 32) + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let error = #expect(throws: ListSecretError.self) { try ListSecret.load(environment: [:], file: path) }
        #expect(error?.description.contains("permissions 640") == true)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let fromFile = try ListSecret.load(environment: [:], file: path)
        let fromEnvironment = try ListSecret.load(
            environment: ["HERALD_LIST_SECRET": String(repeating: "s", count: 32)], file: nil)
        let token = ListTokenSigner(secret: fromFile).token(for: 5, purpose: .unsubscribe)
        #expect(try ListTokenSigner(secret: fromEnvironment).subscriberID(from: token, for: .unsubscribe) == 5)
        #expect(throws: ListSecretError.self) { try ListSecret.load(environment: [:], file: nil) }
        #expect(throws: ListSecretError.self) { try ListSecret("short") }
        #expect(throws: ListSecretError.self) { try ListSecret.load(environment: [:], file: folder.path) }
    }
}
