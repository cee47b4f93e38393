public import HeraldCore

/// One issue's email edition: the HTML to paste into a mailing service, the plain text, and the
/// complete message with both.
public struct EmailEdition: Sendable {
    /// The number, which names the files (`533.html`); `nil` for an unnumbered issue.
    public var number: Int?
    /// Email-safe HTML: a table layout, inline styles, absolute links.
    public var html: String
    /// The plain-text edition, wrapped at 72 columns, links as numbered references.
    public var text: String
    /// The RFC 5322 message (`.eml`), multipart/alternative with ``text`` and ``html``.
    public var message: String
    /// The HTML's size and its largest sections.
    public var size: EmailSize
    /// Warnings for the editor, such as a message Gmail would clip.
    public var warnings: [Problem]
}
