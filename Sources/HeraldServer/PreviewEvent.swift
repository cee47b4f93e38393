import Foundation

/// What a running preview tells its front end (the terminal, a test): that it is listening,
/// and how each build went.
public enum PreviewEvent: Sendable {
    /// The first build is done and pages are served at `url` (e.g. `http://127.0.0.1:8000`);
    /// `currentDraft` is the site path of the current draft's page, when there is one.
    case ready(url: String, currentDraft: String?, firstBuild: BuildOutcome)
    /// A watched file changed and the site was rebuilt, in `duration`; open pages were told
    /// to reload.
    case rebuilt(BuildOutcome, duration: Duration)
}
