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
        FileHandle.standardOutput.write(Data(html(of: try input())))
    }

    /// The input's bytes; the `Data` read is released on return rather than kept beside them.
    private func input() throws -> [UInt8] {
        guard let file, file != "-" else { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            StandardError.write("\(file): cannot read the file (\(error.localizedDescription))")
            throw ExitCode(.problemsFound)
        }
    }

    /// The HTML of `input`; the document is released on return, before the HTML is copied out.
    private func html(of input: [UInt8]) -> [UInt8] {
        var extensions = gfm ? MarkdownExtension.gfm : []
        if headingAttributes { extensions.insert(.headingAttributes) }
        let document = MarkdownDocument(parsing: input, options: ParseOptions(extensions: extensions))
        let options = HTMLRenderOptions(headingIDs: headingIds, headingIDStyle: headingIDStyle)
        return HTMLRenderer(options: options).renderBytes(document)
    }
}

extension HeadingIDStyle: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(named: argument)
    }

    public static var allValueStrings: [String] { allNamed.map(\.name) }
}
