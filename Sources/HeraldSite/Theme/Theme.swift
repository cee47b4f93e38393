public import Foundation
public import HeraldCore
import HeraldMarkdown

/// The templates and assets a build uses: Herald's defaults, each replaced by a same-named file
/// in the newsletter's `theme/` folder when there is one.
///
/// Every template is parsed before anything is written, so a mistake in an override stops the
/// build with its file, line and column, and the previous site stays in place.
public struct Theme: Sendable {
    private let library: TemplateLibrary
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
        var library = TemplateLibrary()
        var problems: [Problem] = []
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            fingerprint.combine(name)
            fingerprint.combine(source.text)
            do {
                try library.register(source.text, named: name)
            } catch {
                problems.append(
                    Problem(
                        .invalidTemplate, file: source.file, location: .init(line: error.line, column: error.column),
                        message: error.message, fix: error.fix))
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

    /// Renders `template`'s output inside the layout, in the pieces the site writes.
    func renderPage(_ template: String, context: [String: Any]) -> RenderedText {
        var context = context
        context["content"] = rendered(template, context: context)
        return rendered(TemplateName.layout, context: context)
    }

    /// `template`'s output on its own, without the layout, in the pieces the site writes: a feed.
    func rendered(_ template: String, context: [String: Any]) -> RenderedText {
        library.render(context, withTemplate: template) ?? RenderedText()
    }

    /// `template`'s output on its own, without the layout: for editions that are not web
    /// pages, such as the email.
    public func render(_ template: String, context: [String: Any]) -> String {
        rendered(template, context: context).text
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
