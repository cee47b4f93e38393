/// Why `herald send` could not send, with what to do about it, and the exit status that says so.
public struct SendError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; an open set compared with `==`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String
        /// The exit status `herald send` ends with: 2 for input and configuration, 3 for servers.
        public let exitStatus: Int32
        private init(_ name: String, exitStatus: Int32) {
            description = name
            self.exitStatus = exitStatus
        }

        /// `herald.toml` lacks something sending needs, or holds something unusable.
        public static let invalidConfiguration = Code("invalid configuration", exitStatus: 2)
        /// The email edition cannot be personalised (no unsubscribe link).
        public static let invalidEdition = Code("invalid edition", exitStatus: 2)
        /// The issue was sent already, or a send is unfinished, and the options do not say what to do.
        public static let refused = Code("refused", exitStatus: 2)
        /// The list database failed.
        public static let database = Code("database", exitStatus: 2)
        /// No relay could be reached (or none would let Herald log in); the journal keeps the send.
        public static let unreachable = Code("relay unreachable", exitStatus: 3)
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
