import HeraldCore
import HeraldSite

/// What the preview adds to each HTML page it serves, and only when serving: the script that
/// reloads the page on a rebuild and, after a failed build, an overlay listing the problems.
///
/// `herald build` output never contains either; the server adds them to the bytes it sends.
struct PreviewInjection: Sendable {
    /// The path of the server-sent event stream the script listens to.
    static let eventsPath = "/_herald/events"

    /// The site generation the page shows; the script asks for events after it.
    let generation: Int
    /// What stopped the last build; no overlay when empty.
    let problems: [Problem]

    /// `html` with the overlay and script placed before its last `</body>`, or at its end.
    func apply(to html: [UInt8]) -> [UInt8] {
        let insertion = Array((overlay + script).utf8)
        let closingBody = Array("</body".utf8)
        var index = html.count - closingBody.count
        while index >= 0 {
            if zip(html[index..<index + closingBody.count], closingBody).allSatisfy({ asciiLowercased($0.0) == $0.1 }) {
                return Array(html[..<index]) + insertion + Array(html[index...])
            }
            index -= 1
        }
        return html + insertion
    }

    private var script: String {
        """
        <script>(function(){var s=new EventSource("\(PreviewInjection.eventsPath)?since=\(generation)");\
        s.addEventListener("reload",function(){s.close();location.reload();});})();</script>
        """
    }

    private var overlay: String {
        guard !problems.isEmpty else { return "" }
        let formatter = ProblemFormatter()
        let items = problems.map { "<li>" + MarkupEscaping.escape(formatter.format($0)) + "</li>" }.joined()
        return """
            <div id="herald-build-error" role="alert" style="position:fixed;inset:0;z-index:2147483647;\
            overflow:auto;padding:2rem;background:rgba(20,20,20,.94);color:#fdd;\
            font:14px/1.5 ui-monospace,monospace;"><h1 style="color:#f88;font-size:1.2rem">\
            The preview could not be rebuilt</h1><p>The page below is from the last good build. \
            Fix these problems and save; this page reloads by itself.</p><ul>\(items)</ul></div>
            """
    }

    /// The page shown for a path the last good build did not make while a build is failing.
    func errorPage() -> [UInt8] {
        apply(
            to: Array(
                "<!doctype html><html><head><meta charset=\"utf-8\"><title>Build failed</title></head><body></body></html>"
                    .utf8))
    }
}

private func asciiLowercased(_ byte: UInt8) -> UInt8 {
    byte >= 65 && byte <= 90 ? byte + 32 : byte
}
