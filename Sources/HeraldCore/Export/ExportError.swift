/// Why an export could not be produced.
public enum ExportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The output file could not be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            "\(path): cannot write the export (\(reason)); check that the folder exists and is writable"
        }
    }
}
