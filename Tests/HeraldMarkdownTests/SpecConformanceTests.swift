import Foundation
import HeraldMarkdown
import Testing

/// Runs every example of the shared Markdown test vectors and compares the rendered HTML with the
/// reference byte for byte. One test per vector file, so a failure reads as one summary: how many
/// passed, which examples failed (by section), and the first few differences in full.
@Suite(
    "Spec conformance",
    .enabled(if: SpecVectors.isAvailable || SpecVectors.isRequired, Comment(rawValue: SpecVectors.skipNote))
)
struct SpecConformanceTests {
    @Test("CommonMark 0.31.2, no extensions")
    func commonMark() throws {
        try checkConformance(to: "commonmark-0.31.2.json", title: "CommonMark 0.31.2", extensions: .none)
    }

    @Test("GFM 0.29 extension examples, each with the extensions it names")
    func gfmSpecExtensions() throws {
        try checkConformance(to: "gfm-0.29-extensions.json", title: "GFM 0.29 extensions", extensions: .named)
    }

    @Test("cmark-gfm extension tests, every extension on")
    func cmarkGFMExtensions() throws {
        try checkConformance(to: "cmark-gfm-extensions.json", title: "cmark-gfm extensions", extensions: .all)
    }
}

/// Which extensions an example is parsed with.
private enum ExtensionChoice {
    /// Plain CommonMark.
    case none
    /// The ones the example's `extensions` field names.
    case named
    /// All six GitHub extensions.
    case all

    func options(for example: SpecExample) -> ParseOptions? {
        switch self {
        case .none:
            return .commonMark
        case .all:
            return .gfm
        case .named:
            var extensions: Set<MarkdownExtension> = []
            for name in example.extensions {
                guard let known = MarkdownExtension(named: name) else { return nil }
                extensions.insert(known)
            }
            return ParseOptions(extensions: extensions)
        }
    }
}

private struct Failure {
    let example: SpecExample
    let rendered: String
}

/// How many full differences a failing summary shows; the rest are listed by number only.
private let shownDifferences = 5

private func checkConformance(to fileName: String, title: String, extensions: ExtensionChoice) throws {
    let examples = try SpecVectors.load(fileName)
    #expect(!examples.isEmpty, "\(fileName) holds no examples")

    let renderer = HTMLRenderer(options: HTMLRenderOptions(headingIDs: false))
    var failures: [Failure] = []
    var renderOnly = 0
    var streamDifferences: [Int] = []
    for example in examples {
        guard let options = extensions.options(for: example) else {
            Issue.record("Example \(example.example) of \(fileName) names an unknown extension: \(example.extensions)")
            continue
        }
        let html = renderer.render(MarkdownDocument(parsing: example.markdown, options: options))
        // Streamed a block at a time (each handed on at once), the HTML is the same.
        var streamed: [UInt8] = []
        renderer.streamHTML(parsing: Array(example.markdown.utf8), options: options, pieceSize: 1) {
            streamed += $0
        }
        if String(decoding: streamed, as: UTF8.self) != html { streamDifferences.append(example.example) }
        if example.isRenderOnly {
            renderOnly += 1
        } else if html != example.html {
            failures.append(Failure(example: example, rendered: html))
        }
    }

    let passed = examples.count - failures.count
    let note = renderOnly > 0 ? " (\(renderOnly) render-only)" : ""
    print("\(title): \(passed)/\(examples.count) passed\(note)")
    if !failures.isEmpty {
        Issue.record(Comment(rawValue: summary(of: failures, title: title, total: examples.count)))
    }
    #expect(streamDifferences.isEmpty, "\(title): streamed HTML differs from the whole tree's in \(streamDifferences)")
}

private func summary(of failures: [Failure], title: String, total: Int) -> String {
    var lines = ["\(title): \(failures.count) of \(total) examples failed."]
    var sections: [String] = []
    var numbersBySection: [String: [Int]] = [:]
    for failure in failures {
        let section = failure.example.section
        if numbersBySection[section] == nil { sections.append(section) }
        numbersBySection[section, default: []].append(failure.example.example)
    }
    for section in sections {
        let numbers = numbersBySection[section, default: []].map(String.init).joined(separator: ", ")
        lines.append("  \(section): \(numbers)")
    }
    for failure in failures.prefix(shownDifferences) {
        let example = failure.example
        lines.append("")
        lines.append("Example \(example.example) (\(example.section), spec line \(example.startLine)):")
        lines.append("--- markdown")
        lines.append(visible(example.markdown))
        lines.append("--- expected")
        lines.append(visible(example.html))
        lines.append("--- got")
        lines.append(visible(failure.rendered))
    }
    if failures.count > shownDifferences {
        lines.append("")
        lines.append("(\(failures.count - shownDifferences) more differences not shown)")
    }
    return lines.joined(separator: "\n")
}

/// Shows tabs and the end of each line, which matter in these examples and are invisible otherwise.
private func visible(_ text: String) -> String {
    text.replacingOccurrences(of: "\t", with: "→").replacingOccurrences(of: "\n", with: "⏎\n")
}
