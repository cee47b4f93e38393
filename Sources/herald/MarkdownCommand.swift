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

    /// The input's bytes, read straight into one array of the file's size (through `Data` a large
    /// file was held twice at once).
    private func input() throws -> [UInt8] {
        guard let file, file != "-" else { return try bytes(readingToEnd: FileHandle.standardInput, size: nil) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        if attributes?[.type] as? FileAttributeType == .typeDirectory {
            StandardError.write("\(file): is a folder; give a Markdown file")
            throw ExitCode(.problemsFound)
        }
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
            defer { try? handle.close() }
            let isRegular = attributes?[.type] as? FileAttributeType == .typeRegular
            return try bytes(readingToEnd: handle, size: isRegular ? attributes?[.size] as? Int : nil)
        } catch {
            StandardError.write("\(file): cannot read the file (\(error.localizedDescription))")
            throw ExitCode(.problemsFound)
        }
    }

    /// Everything left in `handle`; `size`, a regular file's, is only a hint (the file may change).
    private func bytes(readingToEnd handle: FileHandle, size: Int?) throws -> [UInt8] {
        var bytes: [UInt8] = []
        if let size, size > 0 { bytes.reserveCapacity(size) }
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
