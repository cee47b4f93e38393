import Dispatch
import Foundation

/// How the long-running verbs (`serve`, `list serve`) stop: Ctrl-C, `kill` or a supervisor's
/// SIGTERM runs their cleanup and exits with 128 + the signal's number, as a shell reports it.
///
/// The handlers are installed explicitly rather than left to the default action, since a parent
/// may have started the process with these signals ignored, which the child would inherit.
enum StopSignals {
    /// Installs the handlers; keep the returned sources for as long as they should act.
    static func exit(after cleanup: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                cleanup()
                Foundation.exit(128 + number)
            }
            source.resume()
            return source
        }
    }
}
