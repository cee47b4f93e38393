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
        let options = ParseOptions(extensions: extensions)
        let input = try input()
        // Written as it is rendered, so a large file's inline tree is never held whole (a long file
        // is read in parts on every core, each later part's HTML kept until the parts before it are
        // written, and let go then); a failed write (a full disk) stops the writing and is said as
        // check's and export's are. The writing may be called on another thread, never on two at once.
        var remains: ParseRemains?
        try StandardOutput.write { output throws(POSIXError) in
            var failure: POSIXError?
            let write = { (piece: UnsafeBufferPointer<UInt8>) in
                guard failure == nil else { return }
                do throws(POSIXError) {
                    try output.write(piece)
                } catch {
                    failure = error
                }
            }
            switch input {
            case .mapped(let file):
                remains = renderer.streamHTML(
                    parsingMapped: file.bytes, options: options, splitting: FileSplitting.streaming,
                    release: file.release, to: write)
            case .read(let bytes):
                remains = renderer.streamHTML(
                    parsing: bytes, options: options, splitting: FileSplitting.streaming, to: write)
            }
            if let failure { throw failure }
        }
        // The input and the trees are freed beside the process's exit, not before it (a tenth of
        // the time on a long file).
        let leftovers = remains
        remains = nil
        BackgroundRelease.release((consume input, leftovers))
    }

    /// The input: a named file mapped, its pages read as the parse reaches them and let go behind
    /// it (a long file is never in memory whole), or standard input read whole. What cannot be
    /// read is named with the system's reason, and a folder as one.
    private func input() throws -> FileBytes {
        guard let file, file != "-" else {
            return .read(
                try read(named: "-: cannot read standard input") { () throws(POSIXError) in
                    try ReadableFile.bytes(readingAll: STDIN_FILENO)
                })
        }
        let input = try read(
            named: "\(file): cannot read the file", folder: "\(file): is a folder; give a Markdown file"
        ) {
            () throws(POSIXError) in try FileBytes.of(path: file)
        }
        if case .mapped = input {
            MappedFile.endProcessIfCutShort(
                saying: "\(file): the file was cut short while it was read", exitStatus: ExitKind.problemsFound.rawValue
            )
        }
        return input
    }

    /// What `read` gives, or `failure` and the system's reason on standard error; `folder`
    /// instead when what was named is a folder, told by what its opening or its reading says
    /// (`EISDIR`), not by a look at the path first: Foundation's file attributes and the cast of
    /// their type took 3 % of an empty run.
    private func read<Value>(
        named failure: String, folder: String? = nil, _ read: () throws(POSIXError) -> Value
    ) throws -> Value {
        do {
            return try read()
        } catch {
            if let folder, error.code == .EISDIR {
                StandardError.write(folder)
            } else {
                StandardError.write("\(failure) (\(SystemError.description(of: error.code.rawValue)))")
            }
            throw ExitCode(.problemsFound)
        }
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
