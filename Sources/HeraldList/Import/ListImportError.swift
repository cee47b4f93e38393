/// Why an import could not run at all (as opposed to a row it skipped).
public struct ListImportError: Error, Sendable, CustomStringConvertible {
    enum Reason: Sendable {
        case unreadable(path: String, reason: String)
        case store(ListStoreError)
    }

    let reason: Reason

    init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
        case .store(let error): error.description
        }
    }
}
