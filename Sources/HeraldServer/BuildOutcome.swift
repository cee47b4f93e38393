public import HeraldCore
public import HeraldSite

/// How one preview build ended: the terminal prints it, and a failure is shown on every page
/// until the next good build.
public enum BuildOutcome: Sendable {
    /// The site was rebuilt; the report says what was written.
    case built(SiteBuilder.Report)
    /// The build stopped; the previous site is still served, under the problems.
    case failed([Problem])

    /// The problems that stopped the build; empty when it succeeded.
    public var problems: [Problem] {
        switch self {
        case .built: []
        case .failed(let problems): problems
        }
    }
}
