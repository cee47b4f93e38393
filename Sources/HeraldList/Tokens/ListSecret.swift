import Foundation
import HeraldCore

/// The secret that signs confirmation and unsubscribe links. Whoever has it can unsubscribe
/// anyone, so it comes from the environment or from a file only its owner can read.
public struct ListSecret: Sendable {
    let bytes: [UInt8]

    /// The fewest bytes accepted: 256 bits, HMAC-SHA256's key strength.
    public static let minimumLength = 32

    /// Uses `text` as the secret.
    public init(_ text: String) throws(ListSecretError) {
        let bytes = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        guard bytes.count >= Self.minimumLength else { throw ListSecretError(.tooShort(bytes.count)) }
        self.bytes = bytes
    }

    /// `HERALD_LIST_SECRET` from `environment`, else the file at `file` (from `[list] secret_file`).
    public static func load(environment: [String: String], file: String?) throws(ListSecretError) -> ListSecret {
        if let value = environment["HERALD_LIST_SECRET"], !value.isEmpty { return try ListSecret(value) }
        guard let file else { throw ListSecretError(.missing) }
        return try read(file)
    }

    /// Reads the secret file, refusing one that others than its owner may read or write.
    static func read(_ path: String) throws(ListSecretError) -> ListSecret {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw ListSecretError(.unreadable(path: path, reason: SystemError.description(of: errno)))
        }
        guard Int(status.st_mode) & Int(S_IFMT) == Int(S_IFREG) else {
            throw ListSecretError(.unreadable(path: path, reason: "it is not a regular file"))
        }
        let permissions = Int(status.st_mode & 0o777)
        guard permissions & 0o077 == 0 else { throw ListSecretError(.tooOpen(path: path, permissions: permissions)) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw ListSecretError(.unreadable(path: path, reason: "it cannot be read as UTF-8 text"))
        }
        return try ListSecret(text)
    }
}

/// Why there is no usable secret.
public struct ListSecretError: Error, Sendable, CustomStringConvertible {
    enum Reason: Sendable {
        case missing
        case tooShort(Int)
        case tooOpen(path: String, permissions: Int)
        case unreadable(path: String, reason: String)
    }

    let reason: Reason

    init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .missing:
            "no list secret: set HERALD_LIST_SECRET or [list] secret_file (make one with "
                + "'openssl rand -hex 32 > FILE && chmod 600 FILE')"
        case .tooShort(let count):
            "the list secret has \(count) bytes; it needs at least \(ListSecret.minimumLength)"
        case .tooOpen(let path, let permissions):
            "the secret file '\(path)' has permissions \(String(permissions, radix: 8)); others could read it: "
                + "run 'chmod 600 \(path)'"
        case .unreadable(let path, let reason):
            "cannot read the secret file '\(path)': \(reason)"
        }
    }
}
