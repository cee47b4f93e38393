/// How a verb that did not succeed ends: the one map from what went wrong to the exit status.
///
/// Every verb keeps the same promise, so scripts and CI can tell "the newsletter has problems"
/// from "Herald could not do what it was asked": 0 done; 1 problems found (an issue fails a
/// check, a feed had bad lines) or a change refused; 2 unusable input or usage (no newsletter
/// folder, an invalid herald.toml, a bad option); 3 a server could not be reached. The libraries
/// say which kind a failure is (``WorkflowFailure``, ``SendError``); the CLI turns it into the
/// status, so the numbers are written here alone.
package enum ExitKind: Int32, Sendable {
    case problemsFound = 1
    case unusable = 2
    case unreachable = 3
}
