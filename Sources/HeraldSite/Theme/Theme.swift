public import Foundation
public import HeraldCore
import HeraldMarkdown
import Mustache

/// The templates and assets a build uses: Herald's defaults, each replaced by a same-named file
/// in the newsletter's `theme/` folder when there is one.
///
/// Every template is parsed before anything is written, so a mistake in an override stops the
/// build with its file, line and column, and the previous site stays in place.
public struct Theme: Sendable {
    private let library: MustacheLibrary
    /// Asset files for `theme/` in the output: name → where their bytes come from.
    let assets: [String: Asset]
    /// A hash of every template and asset, part of every page's cache key.
    let fingerprint: StableHash

    enum Asset: Sendable {
        case text(String)
        case file(URL)
    }

    /// The default theme with the overrides found in `folder` (which need not exist).
    ///
    /// - Parameters:
    ///   - displayFolder: how `folder` is named in problems.
    ///   - extraTemplates: defaults for templates other editions render (the email's), which
    ///     `folder` overrides the same way as the site's.
    public init(overridesIn folder: URL?, displayFolder: String = "theme", extraTemplates: [String: String] = [:])
        throws(HeraldError)
    {
        var sources: [String: (text: String, file: String)] = [:]
        for (name, text) in DefaultTheme.templates.merging(extraTemplates, uniquingKeysWith: { site, _ in site }) {
            sources[name] = (text, "built-in template '\(name)'")
        }
        var assets = DefaultTheme.assets.mapValues(Asset.text)
        var fingerprint = StableHash("herald-theme-1")
        if let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = folder.appendingPathComponent(name)
                let display = (displayFolder as NSString).appendingPathComponent(name)
                if name.hasSuffix(".mustache") {
                    guard let data = FileManager.default.contents(atPath: url.path),
                        let text = String(data: data, encoding: .utf8)
                    else {
                        throw HeraldError(
                            Problem(.unreadable, file: display, message: "cannot read the template as UTF-8 text"))
                    }
                    sources[String(name.dropLast(".mustache".count))] = (text, display)
                } else if Theme.isRegularFile(url) {
                    assets[name] = .file(url)
                    fingerprint.combine(name)
                    fingerprint.combine(Theme.fileStamp(url))
                }
            }
        }
        var library = MustacheLibrary()
        var problems: [Problem] = []
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            fingerprint.combine(name)
            fingerprint.combine(source.text)
            do {
                try library.register(ByteEscapingHTML.pragma + source.text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                let (message, fix) = Theme.explain(error.error)
                // The pragma is a line of its own, before what the file holds.
                problems.append(
                    Problem(
                        .invalidTemplate, file: source.file,
                        location: .init(
                            line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber + 1),
                        message: message, fix: fix))
            } catch {
                problems.append(
                    Problem(.invalidTemplate, file: source.file, message: "the template cannot be parsed (\(error))"))
            }
        }
        for (name, asset) in assets.sorted(by: { $0.key < $1.key }) {
            if case .text(let text) = asset {
                fingerprint.combine(name)
                fingerprint.combine(text)
            }
        }
        guard problems.isEmpty else { throw HeraldError(problems) }
        self.library = library
        self.assets = assets
        self.fingerprint = fingerprint
    }

    /// Renders `template`'s output inside the layout.
    func renderPage(_ template: String, context: [String: Any]) -> String {
        var context = context
        context["content"] = library.render(context, withTemplate: template) ?? ""
        return library.render(context, withTemplate: TemplateName.layout) ?? ""
    }

    /// `template`'s output on its own, without the layout: for editions that are not web
    /// pages, such as the email.
    public func render(_ template: String, context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// What a Mustache parser error means for the person editing the template.
    private static func explain(_ error: any Error) -> (message: String, fix: String) {
        switch error as? MustacheTemplate.Error {
        case .expectedSectionEnd:
            ("a section is opened but never closed", "close each {{#name}} or {{^name}} with {{/name}}")
        case .sectionCloseNameIncorrect:
            (
                "a section is closed with a name other than the one it was opened with",
                "make {{/name}} match its {{#name}}"
            )
        case .unfinishedName:
            ("a tag is not finished", "end every {{ with }} and every {{{ with }}}")
        default:
            (
                "the template cannot be parsed (\(error))",
                "see https://mustache.github.io/mustache.5.html for the syntax"
            )
        }
    }

    private static func isRegularFile(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
    }

    /// Size and modification time: enough to notice an edited asset without reading it.
    static func fileStamp(_ url: URL) -> String {
        let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey])
        return "\(values?.fileSize ?? -1)@\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)"
    }
}
