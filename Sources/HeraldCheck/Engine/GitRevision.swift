import Foundation
public import HeraldCore

/// Reads files as they were at a git revision, for `--since`: the editors' pull-request check
/// compares a branch with the revision it started from.
public struct GitRevision: Sendable {
    public let revision: String

    public init(_ revision: String) {
        self.revision = revision
    }

    /// The content of `path` at the revision, or `nil` when the file did not exist there.
    ///
    /// - Throws: ``HeraldError`` when git cannot be run or the revision does not exist.
    public func contents(of path: String) throws(HeraldError) -> [UInt8]? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent().path
        try verify(in: folder)
        let result = run(["show", "\(revision):./\(url.lastPathComponent)"], in: folder)
        return result.status == 0 ? result.output : nil
    }

    private func verify(in folder: String) throws(HeraldError) {
        let result = run(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: folder)
        guard result.status == 0 else {
            let reason = String(decoding: result.error, as: UTF8.self).trimmed
            throw HeraldError(
                Problem(
                    .unknownRevision, file: folder,
                    message: "'\(revision)' is not a git revision here" + (reason.isEmpty ? "" : " (\(reason))"),
                    fix: "pass a branch, tag or commit, such as --since origin/main"))
        }
    }

    private func run(_ arguments: [String], in folder: String) -> GitProcess.Outcome {
        do {
            return try GitProcess(directory: URL(fileURLWithPath: folder)).run(arguments)
        } catch {
            return GitProcess.Outcome(status: 127, output: [], error: Array("cannot run git: \(error.reason)".utf8))
        }
    }
}

extension ProblemCode {
    /// `--since` names something git does not know.
    public static let unknownRevision = ProblemCode(rawValue: "unknown-revision")
}
