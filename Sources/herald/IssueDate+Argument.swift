public import ArgumentParser
public import HeraldCore

/// Dates on the command line (`--date 2025-07-02`) are read by ArgumentParser as issue dates,
/// so each verb gets a date or a usage error (exit status 2) naming the option, never a string
/// it must check itself.
extension IssueDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
