package import HeraldCore

/// Why `herald send` could not send, with what to do about it, and how the process ends.
public struct SendError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; an open set compared with `==`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String
        /// How `herald send` ends: unusable input or configuration, or servers unreachable.
        package let exit: ExitKind
        private init(_ name: String, exit: ExitKind) {
            description = name
            self.exit = exit
        }

        /// `herald.toml` lacks something sending needs, or holds something unusable.
        public static let invalidConfiguration = Code("invalid configuration", exit: .unusable)
        /// The email edition cannot be personalised (no unsubscribe link).
        public static let invalidEdition = Code("invalid edition", exit: .unusable)
        /// The issue was sent already, or a send is unfinished, and the options do not say what to do.
        public static let refused = Code("refused", exit: .unusable)
        /// The list database failed.
        public static let database = Code("database", exit: .unusable)
        /// No relay could be reached (or none would let Herald log in); the journal keeps the send.
        public static let unreachable = Code("relay unreachable", exit: .unreachable)
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
