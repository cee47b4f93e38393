import ArgumentParser
import HeraldCore

extension ExitCode {
    /// The exit status of `kind`.
    init(_ kind: ExitKind) {
        self.init(kind.rawValue)
    }
}
