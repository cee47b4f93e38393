import Foundation
import HeraldTestSupport
import Testing

/// The GitHub Actions workflows in `Examples/github-workflows/` run here as a runner would run
/// them: their `run:` steps, read from the YAML, in a git checkout of the example newsletter with
/// the built `herald` on `PATH` (standing in for the release binary the install step downloads).
/// Steps that need GitHub (downloading, commenting, deploying) are left out.
@Suite struct ExampleWorkflowTests {
    static let workflows = SharedFolder.packageRoot.appendingPathComponent("Examples/github-workflows")

    /// PyYAML reads the workflows; CI installs it (`.ci/run`).
    static let canReadYAML = WorkflowCheckout.shell("python3 -c 'import yaml'", in: nil).status == 0

    @Test(
        "the pull-request check passes a clean draft and fails one with an error, with annotations and a comment",
        .enabled(if: canReadYAML || SharedFolder.isCI, "needs python3 with PyYAML"))
    func pullRequestCheck() throws {
        let workflow = try Workflow(named: "check.yml")
        let checkout = try WorkflowCheckout()
        try checkout.propose(draft: WorkflowCheckout.draft(link: "https://example.org/ink"))
        let clean = try workflow.run(job: "check", steps: ["check", "verdict"], in: checkout)
        #expect(clean.map(\.status) == [0, 0], "\(clean)")
        #expect(checkout.comment.contains("herald check") && !checkout.comment.contains("❌"), "\(checkout.comment)")

        try checkout.propose(draft: WorkflowCheckout.draft(link: "https://example.org/ink?utm_source=quill"))
        let failing = try workflow.run(job: "check", steps: ["check", "verdict"], in: checkout)
        #expect(failing.map(\.status) == [0, 1], "\(failing)")
        #expect(failing[0].output.contains("::error file="), "\(failing[0].output)")
        #expect(failing[0].output.contains("tracking-parameter"))
        #expect(checkout.comment.contains("tracking-parameter"), "\(checkout.comment)")

        // An older issue the pull request changes is checked too, not only the drafts.
        try checkout.propose(draft: WorkflowCheckout.draft(link: "https://example.org/ink"))
        try checkout.append(
            "\nRead [the pens](https://example.org/pens?utm_source=quill).\n",
            to: "content/2025-03-05-this-week-in-quill.md")
        let older = try workflow.run(job: "check", steps: ["check", "verdict"], in: checkout)
        #expect(older.map(\.status) == [0, 1], "\(older)")
        #expect(older[0].output.contains("2025-03-05-this-week-in-quill.md"), "\(older[0].output)")
    }

    @Test(
        "the deploy workflow's build step writes the site",
        .enabled(if: canReadYAML || SharedFolder.isCI, "needs python3 with PyYAML"))
    func deployBuild() throws {
        let workflow = try Workflow(named: "deploy.yml")
        let checkout = try WorkflowCheckout()
        let results = try workflow.run(job: "build", steps: ["build"], in: checkout)
        #expect(results.map(\.status) == [0], "\(results)")
        #expect(FileManager.default.fileExists(atPath: checkout.root.appendingPathComponent("_site/index.html").path))
    }

    @Test(
        "every workflow names the release binary the same way and installs no Swift",
        .enabled(if: canReadYAML || SharedFolder.isCI, "needs python3 with PyYAML"))
    func downloadsTheReleaseBinary() throws {
        let release = try Workflow(named: "release.yml")
        let published = try #require(release.jobs["build"]?.compactMap(\.run).joined())
        #expect(published.contains("--static-swift-stdlib"))
        #expect(published.contains("herald-linux-x86_64.tar.gz"))
        for name in ["check.yml", "deploy.yml"] {
            let workflow = try Workflow(named: name)
            let runs = workflow.jobs.values.flatMap { $0 }.compactMap(\.run).joined()
            #expect(runs.contains("releases/download/$HERALD_VERSION/herald-linux-x86_64.tar.gz"), "\(name)")
            #expect(!runs.contains("swift build"), "\(name)")
        }
    }
}

/// A workflow's steps as `scripts/workflow-steps.py` reads them from the YAML.
struct Workflow: Decodable {
    struct Step: Decodable {
        let id: String?
        let run: String?
        let env: [String: String]?
    }

    let env: [String: String]
    let jobs: [String: [Step]]

    init(named name: String) throws {
        let file = ExampleWorkflowTests.workflows.appendingPathComponent(name).path
        let script = SharedFolder.packageRoot.appendingPathComponent("scripts/workflow-steps.py").path
        let result = WorkflowCheckout.shell("python3 '\(script)' '\(file)'", in: nil)
        try #require(result.status == 0, "\(result.output)")
        self = try JSONDecoder().decode(Workflow.self, from: Data(result.output.utf8))
    }

    /// Runs the steps with `ids` of `job`, in order, as GitHub's `bash -eo pipefail` does, with
    /// the variables a runner sets and the outputs of earlier steps.
    func run(job: String, steps ids: [String], in checkout: WorkflowCheckout) throws -> [ShellResult] {
        let steps = try #require(jobs[job])
        var outputs: [String: String] = [:]
        var results: [ShellResult] = []
        for id in ids {
            let step = try #require(steps.first { $0.id == id }, "no step \(id) in \(job)")
            let outputFile = checkout.runnerTemp.appendingPathComponent("output-\(id)")
            #expect(
                FileManager.default.createFile(atPath: outputFile.path, contents: nil), "cannot make \(outputFile.path)"
            )
            var environment = env.merging(step.env ?? [:]) { $1 }.mapValues { value in
                Workflow.resolve(value, outputs: outputs)
            }
            environment["GITHUB_OUTPUT"] = outputFile.path
            let script = "set -eo pipefail\n" + (try #require(step.run))
            let result = WorkflowCheckout.shell(
                script, in: checkout.root, environment: try checkout.environment(environment))
            results.append(result)
            let written = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
            for line in written.split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { outputs["steps.\(id).outputs.\(parts[0])"] = parts[1] }
            }
        }
        return results
    }

    /// An expression's value: an earlier step's output, or the editor's side of a choice.
    static func resolve(_ value: String, outputs: [String: String]) -> String {
        guard value.hasPrefix("${{") else { return value }
        let inner = value.dropFirst(3).dropLast(2).trimmingCharacters(in: .whitespacesAndNewlines)
        if let output = outputs[inner] { return output }
        return inner.hasSuffix("&& 'editor' || 'outside'") ? "editor" : ""
    }
}

/// What one shell command did.
struct ShellResult: CustomStringConvertible {
    let status: Int32
    let output: String

    var description: String { "exit \(status): \(output)" }
}

/// A git repository holding a copy of the example newsletter, with `origin/main` at its first
/// commit, as `actions/checkout` with the whole history leaves a pull request's branch.
final class WorkflowCheckout: Sendable {
    /// The copy of the example; removed when the checkout goes.
    let newsletter: Newsletter
    /// What a runner's `RUNNER_TEMP` would be: a folder beside the checkout.
    let runnerTemp: URL

    /// The checkout's folder.
    var root: URL { newsletter.folder }

    init() throws {
        newsletter = try Newsletter.exampleWeekly()
        runnerTemp = newsletter.beside("runner-temp")
        try FileManager.default.createDirectory(at: runnerTemp, withIntermediateDirectories: true)
        try git(
            "init -q -b main && git add -A && git commit -q -m 'The newsletter'"
                + " && git update-ref refs/remotes/origin/main HEAD && git checkout -q -b pull-request")
    }

    /// A draft of issue 45 featuring `link`.
    static func draft(link: String) -> String {
        """
        Title: This Week in Quill 45
        Number: 45
        Date: 2025-04-02
        Category: This Week in Quill

        Hello and welcome to issue 45.

        ## Updates from the Quill Community

        * [A new ink for Quill](\(link))

        """
    }

    /// Commits `draft` on the pull request's branch, replacing the previous proposal.
    func propose(draft: String) throws {
        try newsletter.write(draft, to: "draft/2025-04-02-this-week-in-quill.md")
        try git("add -A && git commit -q -m 'Issue 45'")
    }

    /// Commits `text` added at the end of the file at `path`.
    func append(_ text: String, to path: String) throws {
        let file = try FileHandle(forWritingTo: root.appendingPathComponent(path))
        try file.seekToEnd()
        try file.write(contentsOf: Data(text.utf8))
        try file.close()
        try git("add -A && git commit -q -m 'An older issue'")
    }

    /// The Markdown comment the check step wrote.
    var comment: String {
        (try? String(contentsOf: runnerTemp.appendingPathComponent("herald-check.md"), encoding: .utf8)) ?? ""
    }

    /// What a runner sets, with the built `herald` first on `PATH`.
    func environment(_ step: [String: String]) throws -> [String: String] {
        let herald = try HeraldBinary.locatedExecutable().deletingLastPathComponent().path
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return step.merging([
            "PATH": herald + ":" + path, "GITHUB_BASE_REF": "main", "RUNNER_TEMP": runnerTemp.path,
            "GITHUB_PATH": runnerTemp.appendingPathComponent("path").path, "NO_COLOR": "1",
        ]) { $1 }
    }

    private func git(_ commands: String) throws {
        let identity = ["GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"]
        let environment = Dictionary(
            uniqueKeysWithValues: identity.map { ($0, $0.hasSuffix("EMAIL") ? "quill@example.org" : "Quill") })
        let result = WorkflowCheckout.shell("git " + commands, in: root, environment: environment)
        try #require(result.status == 0, "\(result)")
    }

    /// Runs a bash script, its output and errors together.
    static func shell(_ script: String, in directory: URL?, environment: [String: String]? = nil) -> ShellResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--noprofile", "--norc", "-c", script]
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return ShellResult(status: -1, output: "\(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ShellResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
