import Foundation
import HeraldCore

/// What the last complete build was made from, and what it reported: saved in the output folder
/// so that `herald build` with nothing changed can say so without reading a single issue.
///
/// The key covers everything a build's output depends on: the ``InputSnapshot`` of the files it
/// read, the build options, the manifest's format and the Herald executable itself (a new
/// version may write other pages from the same files). Only a settled snapshot is recorded (see
/// ``InputSnapshot/isSettled``), a build removes the stamp before it changes the site, and a
/// build without a snapshot (the preview's) leaves none, so a stamp that matches always
/// describes the site that is there.
struct BuildStamp: Codable, Equatable, Sendable {
    static let fileName = ".herald-build.json"
    static let currentFormat = 1

    var format = BuildStamp.currentFormat
    /// The inputs' key in hexadecimal.
    var key: String
    /// The report the build gave, to give again.
    var issueCount: Int
    var fileCount: Int
    var warnings: [Problem]

    /// The key of a build of `inputs` with `options`, or `nil` when the executable cannot be
    /// found to tell Herald's versions apart.
    static func key(of inputs: InputSnapshot, options: BuildOptions) -> String? {
        guard let executable = executableIdentity() else { return nil }
        let hash = StableHash(
            "herald-build", String(currentFormat), String(BuildManifest.currentFormat), executable,
            String(inputs.fingerprint), options.output.standardizedFileURL.path, String(options.includeDrafts),
            options.baseURL ?? "", String(options.relativeURLs), options.insights.map { String($0) } ?? "default")
        return hash.hex
    }

    /// The running executable's path, inode, size and times: any new build of Herald differs in
    /// at least one of them.
    private static func executableIdentity() -> String? {
        guard let path = Bundle.main.executablePath, let fingerprint = InputSnapshot.fingerprint(ofFile: path) else {
            return nil
        }
        return String(fingerprint)
    }

    /// The stamp in `output`, or `nil` when there is none or it cannot be read.
    static func read(in output: URL) -> BuildStamp? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(fileName).path),
            let stamp = try? JSONDecoder().decode(BuildStamp.self, from: data), stamp.format == currentFormat
        else { return nil }
        return stamp
    }

    func data() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Removes the stamp from `output`, so that no later build trusts it.
    static func remove(from output: URL) {
        unlink(output.appendingPathComponent(fileName).path)
    }
}
