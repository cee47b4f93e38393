import ArgumentParser
import Foundation
import HeraldCore

/// `--folder`, which every verb working on a newsletter takes, and the one way they open it.
///
/// A folder that does not exist or a `herald.toml` that cannot be read is unusable input for
/// every verb alike: its problems are printed and the verb exits with ``ExitKind/unusable``.
struct NewsletterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The newsletter folder, holding herald.toml or content/.", valueName: "dir"))
    var folder: String = "."

    /// The folder as a file URL, relative to the current directory when given relatively.
    var url: URL { URL(fileURLWithPath: folder) }

    /// The newsletter: its configuration, issues and drafts, read. With `requiringIssues`, a
    /// folder where no issue or draft was read is unusable too, with where Herald looked.
    ///
    /// - Parameter configuration: the configuration when the verb has read it already.
    func open(requiringIssues: Bool = false, configuration: NewsletterConfiguration? = nil) throws
        -> NewsletterFolder
    {
        let newsletter = try unusableOnFailure { () throws(HeraldError) in
            if let configuration { return try NewsletterFolder(at: url, configuration: configuration) }
            return try NewsletterFolder(at: url)
        }
        if requiringIssues, let nothingRead = newsletter.nothingRead {
            StandardError.write(newsletter.problems + [nothingRead])
            throw ExitCode(.unusable)
        }
        return newsletter
    }

    /// The newsletter's configuration alone, for verbs that do not read its issues.
    func configuration() throws -> NewsletterConfiguration {
        try unusableOnFailure { () throws(HeraldError) in
            try NewsletterFolder.requireFolder(at: url)
            return try NewsletterConfiguration.load(fromFolder: url)
        }
    }

    private func unusableOnFailure<T>(_ work: () throws(HeraldError) -> T) throws -> T {
        do {
            return try work()
        } catch {
            StandardError.write(error.problems)
            throw ExitCode(.unusable)
        }
    }
}
