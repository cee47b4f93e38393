/// Why the subscriber store could not be opened or used, with what to do about it.
public struct ListStoreError: Error, Sendable, CustomStringConvertible {
    enum Reason: Sendable {
        case cannotOpen(path: String, reason: String)
        case insideWorkTree(path: String)
        case cannotConnect(server: String, reason: String)
        case invalidURL(String, reason: String)
        case newerSchema(found: Int, supported: Int)
        case database(String)
        case corruptRow(String)
    }

    let reason: Reason

    init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .cannotOpen(let path, let reason):
            "cannot open the list database '\(path)': \(reason)"
        case .insideWorkTree(let path):
            "the list database '\(path)' is inside the newsletter's git work tree and git does not ignore it; "
                + "subscriber addresses must never be committed: move it out (the default lies in "
                + "$XDG_DATA_HOME/herald) or add it to .gitignore"
        case .cannotConnect(let server, let reason):
            "cannot connect to the list database at \(server): \(reason); check that the server runs and that "
                + "HERALD_LIST_PASSWORD (or PGPASSWORD) holds the password"
        case .invalidURL(let url, let reason):
            "'\(url)' is not a usable database URL: \(reason); write it like 'postgres://user@host:5432/database'"
        case .newerSchema(let found, let supported):
            "the list database has schema version \(found), newer than this Herald knows (\(supported)); "
                + "update Herald before using it"
        case .database(let reason):
            "the list database failed: \(reason)"
        case .corruptRow(let reason):
            "the list database holds a row Herald cannot read: \(reason)"
        }
    }
}

extension ListStoreError {
    /// Whether the database server could not be reached, as opposed to a database that answered.
    public var isConnectionFailure: Bool {
        if case .cannotConnect = reason { return true }
        return false
    }
}
