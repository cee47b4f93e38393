public import HeraldMarkdown

extension ParseOptions {
    /// How every issue, draft and page body is parsed: GitHub's dialect, plus the `{#id}` heading
    /// attribute that Pelican's Python-Markdown, Hugo, Zola, Jekyll's kramdown and Pandoc all honour,
    /// so a heading written for one of them keeps its id instead of showing the braces. One value,
    /// so the model, the checks and every output read a body the same way.
    public static let issue = ParseOptions(extensions: MarkdownExtension.gfm.union([.headingAttributes]))
}
