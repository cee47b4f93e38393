import Foundation

/// A `postgres://user@host:port/database` address from `[list] database`.
public struct PostgresURL: Sendable, Equatable {
    public var user: String
    public var host: String
    public var port: Int
    public var database: String

    /// Reads `text`; refuses a password in it, since `herald.toml` is committed.
    public init(_ text: String) throws(ListStoreError) {
        guard let components = URLComponents(string: text),
            ["postgres", "postgresql"].contains(components.scheme?.lowercased() ?? "")
        else {
            throw ListStoreError(.invalidURL(text, reason: "it does not start with postgres://"))
        }
        if components.password != nil {
            throw ListStoreError(
                .invalidURL(
                    Self.hidingPassword(text),
                    reason: "it holds a password, which must not be committed; set HERALD_LIST_PASSWORD instead"))
        }
        guard let user = components.user, !user.isEmpty else {
            throw ListStoreError(.invalidURL(text, reason: "it names no user"))
        }
        guard let host = components.host, !host.isEmpty else {
            throw ListStoreError(.invalidURL(text, reason: "it names no host"))
        }
        let database = components.path.drop(while: { $0 == "/" })
        self.user = user
        self.host = host
        self.port = components.port ?? 5432
        self.database = database.isEmpty ? user : String(database)
    }

    /// Whether `text` is meant as a PostgreSQL URL rather than a file path.
    public static func isPostgres(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// `host:port/database`, for messages.
    public var server: String { "\(host):\(port)/\(database)" }

    private static func hidingPassword(_ text: String) -> String {
        guard var components = URLComponents(string: text) else { return "postgres://…" }
        components.password = "***"
        return components.string ?? "postgres://…"
    }
}
