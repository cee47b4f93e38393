import Foundation
import HeraldTestSupport
import Testing

/// `herald markdown` reads a heading's `{#id}` only when asked, as `scripts/compare-heading-ids.py`
/// asks, so the engine on its own stays CommonMark and GitHub's dialect by default.
@Suite struct MarkdownCommandTests {
    @Test func headingAttributesAreReadOnlyWithTheirFlag() throws {
        let input = Data("## Install {#setup}\n".utf8)
        let with = try HeraldBinary.run(
            ["markdown", "--gfm", "--heading-attributes", "--heading-ids"], standardInput: input)
        #expect(with.status == 0, "\(with.standardError)")
        #expect(with.standardOutput == "<h2 id=\"setup\">Install</h2>\n")
        let without = try HeraldBinary.run(["markdown", "--gfm", "--heading-ids"], standardInput: input)
        #expect(without.standardOutput == "<h2 id=\"install-setup\">Install {#setup}</h2>\n")
    }

    /// A file is read whole, however many pieces its HTML leaves in; one that cannot be read is
    /// named with the system's reason.
    @Test func aFileIsReadWholeAndAMissingOneNamed() throws {
        try TemporaryFolder.with("markdown") { folder in
            let paragraphs = (1...20_000).map { "Paragraph \($0) with *emphasis*.\n" }
            let file = folder.appendingPathComponent("long.md")
            try Data(paragraphs.joined(separator: "\n").utf8).write(to: file)
            let rendered = try HeraldBinary.run(["markdown", file.path])
            #expect(rendered.status == 0, "\(rendered.standardError)")
            #expect(rendered.standardOutput.hasPrefix("<p>Paragraph 1 with <em>emphasis</em>.</p>\n"))
            #expect(rendered.standardOutput.hasSuffix("<p>Paragraph 20000 with <em>emphasis</em>.</p>\n"))
            #expect(rendered.standardOutput.components(separatedBy: "<p>").count == 20_001)
            let missing = folder.appendingPathComponent("missing.md").path
            let failed = try HeraldBinary.run(["markdown", missing])
            #expect(failed.status == 1)
            #expect(failed.standardError.contains("\(missing): cannot read the file (No such file or directory)"))
            // Standard input is read the same way, and named the same way when it cannot be read.
            let piped = try HeraldBinary.run(["markdown"], standardInput: Data(paragraphs.joined(separator: "\n").utf8))
            #expect(piped.status == 0)
            #expect(piped.standardOutput == rendered.standardOutput)
            let fromFolder = try TestProcess.run(
                program: "sh", ["-c", "\"$0\" markdown < \"$1\"", HeraldBinary.locatedExecutable().path, folder.path])
            #expect(fromFolder.status == 1)
            #expect(fromFolder.standardError.contains("-: cannot read standard input (Is a directory)"))
            let folderNamed = try HeraldBinary.run(["markdown", folder.path])
            #expect(folderNamed.status == 1)
            #expect(folderNamed.standardError == "\(folder.path): is a folder; give a Markdown file\n")
            #expect(folderNamed.standardOutput.isEmpty)
        }
    }

    /// HTML that cannot be written out (a full disk) is a problem of its own, exit 2, as check's
    /// and export's reports are.
    @Test func unwritableOutputIsSaid() throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/full"))
        try TemporaryFolder.with("markdown") { folder in
            let file = folder.appendingPathComponent("long.md")
            try Data(String(repeating: "Paragraph with *emphasis*.\n\n", count: 20_000).utf8).write(to: file)
            let result = try TestProcess.run(
                program: "sh",
                ["-c", #"exec "$0" markdown "$1" > /dev/full"#, HeraldBinary.locatedExecutable().path, file.path])
            #expect(result.status == 2, "\(result.standardError)")
            #expect(result.standardError.contains("cannot write to standard output (No space left on device)"))
        }
    }

    /// A long file with headings is read in parts on every core: its HTML comes out whole and in
    /// order, a definition at its end serving the links of every part, and a write that fails on
    /// the thread that writes the first part is still said.
    @Test func aLongFileIsWrittenInOrderFromEveryPart() throws {
        try TemporaryFolder.with("markdown") { folder in
            let sections = (1...3_000).map {
                "# Section \($0)\n\nSee [the guide][guide] and *part \($0)*.\n\n- one\n- two\n"
            }
            let file = folder.appendingPathComponent("long.md")
            let text = sections.joined(separator: "\n") + "\n[guide]: https://example.com/guide\n"
            try Data(text.utf8).write(to: file)
            let rendered = try HeraldBinary.run(["markdown", "--gfm", file.path])
            #expect(rendered.status == 0, "\(rendered.standardError)")
            let expected = (1...3_000).map {
                "<h1>Section \($0)</h1>\n<p>See <a href=\"https://example.com/guide\">the guide</a> and "
                    + "<em>part \($0)</em>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
            }
            #expect(rendered.standardOutput == expected.joined())
            let full = try TestProcess.run(
                program: "sh",
                ["-c", #"exec "$0" markdown --gfm "$1" > /dev/full"#, HeraldBinary.locatedExecutable().path, file.path])
            #expect(full.status == 2, "\(full.standardError)")
            #expect(full.standardError.contains("cannot write to standard output (No space left on device)"))
        }
    }

    /// A file is mapped, not read: one cut short while it is rendered (by a writer truncating it
    /// in place) ends the run with a message and exit 1, not a crash; the HTML written so far stays.
    @Test func aFileCutShortWhileReadIsSaid() throws {
        try TemporaryFolder.with("markdown") { folder in
            let sections = (1...40_000).map { "# Section \($0)\n\nSee [the guide][guide] and *part \($0)*.\n" }
            let file = folder.appendingPathComponent("long.md")
            try Data((sections.joined(separator: "\n") + "\n[guide]: /guide\n").utf8).write(to: file)
            let process = Process()
            process.executableURL = try HeraldBinary.locatedExecutable()
            process.arguments = ["markdown", file.path]
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            // Once HTML comes, the file is mapped; the unread pipe then holds the run back while
            // the file is cut short under it.
            let first = output.fileHandleForReading.availableData
            #expect(!first.isEmpty)
            #expect(truncate(file.path, 0) == 0)
            let rest = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 1)
            #expect(message == "\(file.path): the file was cut short while it was read\n")
            #expect(String(decoding: first + rest, as: UTF8.self).hasPrefix("<h1>Section 1</h1>\n"))
        }
    }

    /// A named pipe given as the file is read whole from its one opening.
    @Test func aNamedPipeIsRead() throws {
        try TemporaryFolder.with("markdown") { folder in
            let fifo = folder.appendingPathComponent("fifo")
            #expect(mkfifo(fifo.path, 0o600) == 0)
            let result = try TestProcess.run(
                program: "sh",
                [
                    "-c", #"printf '# Piped\n' > "$1" & exec "$0" markdown "$1""#,
                    HeraldBinary.locatedExecutable().path, fifo.path,
                ])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput == "<h1>Piped</h1>\n")
        }
    }
}
