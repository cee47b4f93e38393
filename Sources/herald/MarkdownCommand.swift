public import ArgumentParser
import Foundation
import HeraldCore
public import HeraldMarkdown

struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Render Markdown to HTML with Herald's CommonMark engine.",
        discussion: "Reads FILE, or standard input when FILE is absent or '-', and writes HTML to standard output."
    )

    @Flag(help: "Turn on every GitHub extension: tables, strikethrough, autolinks, task lists, tag filter, footnotes.")
    var gfm = false

    @Flag(
        help:
            "Read a heading's closing {#id} as its id, as issues are read (Pandoc, Hugo, Zola, Python-Markdown's attr_list)."
    )
    var headingAttributes = false

    @Flag(help: "Give every heading an id derived from its text, the way GitHub does.")
    var headingIds = false

    @Option(
        name: .customLong("heading-id-style"),
        help: "With --heading-ids, whose rule makes them: github or python-markdown (Pelican sites).")
    var headingIDStyle: HeadingIDStyle = .github

    @Argument(help: "The Markdown file to read; '-' or nothing reads standard input.")
    var file: String?

    func run() throws {
        var extensions = gfm ? MarkdownExtension.gfm : []
        if headingAttributes { extensions.insert(.headingAttributes) }
        let renderer = HTMLRenderer(options: HTMLRenderOptions(headingIDs: headingIds, headingIDStyle: headingIDStyle))
        // Written as it is rendered, so a large file's HTML and inline tree are never held whole.
        try renderer.streamHTML(parsing: try input(), options: ParseOptions(extensions: extensions)) { piece in
            try FileHandle.standardOutput.write(contentsOf: piece)
        }
    }

    /// The input's bytes, a file's read straight into one array of its size (``ReadableFile``).
    private func input() throws -> [UInt8] {
        guard let file, file != "-" else { return try bytes(readingToEnd: FileHandle.standardInput) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        if attributes?[.type] as? FileAttributeType == .typeDirectory {
            StandardError.write("\(file): is a folder; give a Markdown file")
            throw ExitCode(.problemsFound)
        }
        do {
            return try ReadableFile.bytes(atPath: file)
        } catch {
            StandardError.write("\(file): cannot read the file (\(String(cString: strerror(error.code.rawValue))))")
            throw ExitCode(.problemsFound)
        }
    }

    /// Everything standard input holds.
    private func bytes(readingToEnd handle: FileHandle) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty { bytes.append(contentsOf: piece) }
        return bytes
    }
}

extension HeadingIDStyle: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(named: argument)
    }

    public static var allValueStrings: [String] { allNamed.map(\.name) }

    /// The name, as `--help` shows the default.
    public var defaultValueDescription: String { name }
}
