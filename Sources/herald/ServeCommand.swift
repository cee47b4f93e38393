import ArgumentParser
import Dispatch
import Foundation
import HeraldCore
import HeraldServer
import HeraldSite

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Preview the site while writing: build it with the drafts, serve it and reload open pages on every save.",
        discussion: """
            The preview is built into a new private folder of the system's temporary directory \
            (never into _site), removed when the server stops, served on 127.0.0.1 unless --host \
            says otherwise (answering only loopback names, IP addresses and --host), and rebuilt incrementally \
            when a file in the content, draft or theme folder or herald.toml changes. Open pages \
            reload by themselves. A build that fails keeps the server running: its problems are \
            printed as 'path:line:column: reason' and shown over every page until the next good \
            save. Stop it with Ctrl-C.
            """
    )

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8000

    @Option(help: "The address to listen on; anything but loopback shows the drafts to the network.")
    var host: String = "127.0.0.1"

    @Flag(help: "Leave the drafts out, to preview the site as it will be published.")
    var noDrafts = false

    @OptionGroup var newsletter: NewsletterOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() async throws {
        // A folder that is not a newsletter is refused at once, rather than served as a failed build.
        _ = try newsletter.configuration()
        let output: URL
        do {
            output = try PreviewOptions.makePrivateOutput()
        } catch {
            StandardError.write(error.problems)
            throw ExitCode(.unusable)
        }
        let privateFolder = PreviewOptions.privateFolder(of: output)
        // Drafts built into the private folder must not outlive the server.
        let stops = StopSignals.exit(after: { try? FileManager.default.removeItem(at: privateFolder) })
        defer {
            for stop in stops { stop.cancel() }
            try? FileManager.default.removeItem(at: privateFolder)
        }
        let options = PreviewOptions(
            folder: newsletter.url, output: output, host: host, port: port, includeDrafts: !noDrafts)
        do throws(HeraldError) {
            try await PreviewServer(options: options).run(report: ServeCommand.show)
        } catch {
            StandardError.write(error.problems)
            throw ExitCode(.problemsFound)
        }
    }

    @Sendable private static func show(_ event: PreviewEvent) async {
        switch event {
        case .ready(let url, let currentDraft, let firstBuild):
            report(firstBuild, doing: "built")
            StandardError.write("serving the preview at \(url)/ (Ctrl-C to stop)")
            if let currentDraft { StandardError.write("current draft: \(url)\(currentDraft)") }
        case .rebuilt(let outcome, let duration):
            let milliseconds =
                duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
            report(outcome, doing: "rebuilt in \(milliseconds) ms")
        }
    }

    private static func report(_ outcome: BuildOutcome, doing verb: String) {
        switch outcome {
        case .built(let report):
            StandardError.write(report.warnings)
            StandardError.write("\(verb): \(report.written.count) files written, \(report.reused) unchanged")
        case .failed(let problems):
            StandardError.write(problems)
            StandardError.write("build failed; serving the last good site with the problems shown over it")
        }
    }
}
