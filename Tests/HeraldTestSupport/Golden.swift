package import Foundation

/// Golden files: what Herald writes for the example weekly, kept in `Tests/Goldens` and compared
/// byte for byte, so a change to a page, a feed, a mail or a report is seen whole in review
/// rather than through the few substrings a test happens to look for.
///
/// `HERALD_RECORD_GOLDENS=1 swift test --filter Golden` writes the files instead of comparing;
/// `git diff Tests/Goldens` then shows what changed, to be read before it is committed. Under CI
/// recording is refused, so a run can never pass by rewriting its own expectations.
package enum Golden {
    /// Where the golden files are kept.
    package static let folder = SharedFolder.packageRoot.appendingPathComponent("Tests/Goldens")

    /// Whether this run writes the golden files instead of comparing with them.
    package static var isRecording: Bool {
        ProcessInfo.processInfo.environment["HERALD_RECORD_GOLDENS"].map { !$0.isEmpty && $0 != "0" } ?? false
    }

    /// `nil` when `text` is the golden file `name` (or was just recorded as it); otherwise what
    /// differs, with the first differing line of each and how to record.
    package static func difference(_ text: String, golden name: String) -> String? {
        let file = folder.appendingPathComponent(name)
        if isRecording {
            if SharedFolder.isCI { return "\(name): golden files are not recorded under CI" }
            do {
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file, options: .atomic)
                return nil
            } catch {
                return "\(name): cannot record (\(error.localizedDescription))"
            }
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return "\(name): no golden file; record it with HERALD_RECORD_GOLDENS=1 and review it"
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != text else { return nil }
        return describe(expected: expected, actual: text, name: name)
    }

    private static func describe(expected: String, actual: String, name: String) -> String {
        // Split on every line ending: in a Swift string "\r\n" is one character, not "\r" and "\n".
        let wanted = expected.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let got = actual.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let line = (0..<min(wanted.count, got.count)).first { wanted[$0] != got[$0] } ?? min(wanted.count, got.count)
        func show(_ lines: [Substring]) -> String { line < lines.count ? "'\(lines[line])'" : "(the end)" }
        return """
            \(name) differs from its golden file at line \(line + 1) \
            (\(wanted.count) lines expected, \(got.count) written):
              golden:  \(show(wanted))
              written: \(show(got))
            If the change is meant, record it with HERALD_RECORD_GOLDENS=1 and review git diff Tests/Goldens.
            """
    }
}
