/// How Herald treats a file it finds in a newsletter's folders, judged by its extension.
///
/// Markdown is read, and MDX as Markdown where `[content]` names it; other text formats an editor might have written an issue in (the TWiR
/// archive has one reStructuredText file) are reported and skipped; everything else (images,
/// stylesheets) is not an issue and is passed over silently.
package enum IssueFileFormat: Equatable, Sendable {
    case markdown
    /// Markdown with JSX, read as Markdown with its statements and components left out
    /// (``ForeignSyntaxScanner``), where a `[content]` pattern or include glob names the file.
    case mdx
    /// A document format Herald does not read, with its human name.
    case unsupported(String)
    case notAnIssue

    /// Whether the file is Markdown of either kind, as a bundle's neighbours and the folder's issues count it.
    package var isMarkdown: Bool { self == .markdown || self == .mdx }

    /// Read from the end of the name: every file of every folder is judged at every build, and
    /// splitting whole names into `Character`s cost 20,000 instructions a file.
    package init(fileName: String) {
        // The extension follows the last dot that has a name before it; trailing dots are not one.
        let name = fileName.utf8
        let end = name.lastIndex { $0 != UInt8(ascii: ".") }.map(name.index(after:)) ?? name.startIndex
        guard let dot = name[..<end].lastIndex(of: UInt8(ascii: ".")),
            name[..<dot].contains(where: { $0 != UInt8(ascii: ".") })
        else {
            self = .notAnIssue
            return
        }
        switch String(Substring(name[name.index(after: dot)..<end])).lowercased() {
        case "md", "markdown", "mdown", "mkd", "mkdn": self = .markdown
        case "mdx": self = .mdx
        case "rst": self = .unsupported("reStructuredText")
        case "adoc", "asciidoc": self = .unsupported("AsciiDoc")
        case "html", "htm": self = .unsupported("HTML")
        case "org": self = .unsupported("Org")
        case "textile": self = .unsupported("Textile")
        case "ipynb": self = .unsupported("Jupyter notebook")
        case "txt": self = .unsupported("plain text")
        default: self = .notAnIssue
        }
    }
}
