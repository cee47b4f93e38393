public import HeraldCore

/// Why a workflow verb stopped: the problems to show, and which kind of failure it was, so
/// that the exit status tells a script whether to retry, fix the input or fix the newsletter.
public struct WorkflowFailure: Error, Sendable, CustomStringConvertible {
    /// What kind of failure, for the exit status.
    public struct Kind: Hashable, Sendable {
        private enum Base: Hashable, Sendable {
            case refused, unusable, network
        }

        private let base: Base

        /// The newsletter or a check said no: a duplicate, a closed section, check errors.
        public static let refused = Kind(base: .refused)
        /// The command could not run as asked: an unreadable folder or `herald.toml`, no draft,
        /// no such section, git unable to answer (not a repository, an unknown revision).
        public static let unusable = Kind(base: .unusable)
        /// A page could not be fetched; trying again, or working offline, may help.
        public static let network = Kind(base: .network)

        /// How the process ends: problems found (refused), unusable input, unreachable (no page).
        package var exit: ExitKind {
            switch base {
            case .refused: .problemsFound
            case .unusable: .unusable
            case .network: .unreachable
            }
        }
    }

    public var kind: Kind
    public var problems: [Problem]

    public init(_ kind: Kind, _ problems: [Problem]) {
        self.kind = kind
        self.problems = problems
    }

    public init(_ kind: Kind, _ problem: Problem) {
        self.init(kind, [problem])
    }

    /// A failure from Herald's own loading (an unreadable folder, an invalid `herald.toml`).
    public init(_ error: HeraldError) {
        self.init(.unusable, error.problems)
    }

    public var description: String {
        let formatter = ProblemFormatter()
        return problems.map { formatter.format($0) }.joined(separator: "\n")
    }
}
