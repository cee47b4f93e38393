public import Foundation

/// Which store `[list] database` names: a SQLite file or a PostgreSQL server.
public enum ListDatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// The location `setting` names, relative paths taken from `folder`; with no setting, the
    /// default file `$XDG_DATA_HOME/herald/<site host>/list.sqlite` (`~/.local/share` when
    /// `XDG_DATA_HOME` is unset), which lies outside any newsletter folder.
    public init(
        setting: String?, folder: URL, siteURL: String, environment: [String: String]
    ) throws(ListStoreError) {
        if let setting, PostgresURL.isPostgres(setting) {
            self = .postgres(try PostgresURL(setting))
        } else if let setting {
            let expanded = (setting as NSString).expandingTildeInPath
            let url =
                expanded.hasPrefix("/")
                ? URL(fileURLWithPath: expanded) : folder.appendingPathComponent(expanded)
            self = .sqlite(path: url.standardizedFileURL.path)
        } else {
            let host = URL(string: siteURL)?.host?.lowercased() ?? "newsletter"
            self = .sqlite(path: Self.dataHome(environment) + "/herald/\(host)/list.sqlite")
        }
    }

    /// `$XDG_DATA_HOME`, or `~/.local/share` when it is unset or not absolute (as the XDG spec says).
    static func dataHome(_ environment: [String: String]) -> String {
        if let value = environment["XDG_DATA_HOME"], value.hasPrefix("/") { return value }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share"
    }

    /// Opens the store, refusing a SQLite file that git could commit from `folder`'s work tree.
    ///
    /// - Parameter environment: where the PostgreSQL password is read, `HERALD_LIST_PASSWORD`
    ///   first, then libpq's `PGPASSWORD`.
    public func open(newsletterFolder folder: URL, environment: [String: String]) async throws(ListStoreError)
        -> any SubscriberStore
    {
        switch self {
        case .sqlite(let path):
            try GitWorkTree.refuseCommittable(path, newsletterFolder: folder)
            return try SQLiteSubscriberStore(path: path)
        case .postgres(let url):
            let password = environment["HERALD_LIST_PASSWORD"] ?? environment["PGPASSWORD"]
            return try await PostgresSubscriberStore.connect(to: url, password: password)
        }
    }

    /// The file path or server, for messages.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): "postgres://\(url.user)@\(url.server)"
        }
    }
}
