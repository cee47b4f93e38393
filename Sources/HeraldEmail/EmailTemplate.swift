/// The email edition's built-in template; a newsletter replaces it with `theme/email.mustache`.
///
/// Email clients ignore most of CSS, so the layout is tables: a full-width background table
/// holding one centred 660 px column, which narrows on small screens. Every style is inline;
/// the one `<style>` block only re-colours for dark mode and narrows the column, which the
/// clients that honour it do and the others safely skip.
enum EmailTemplate {
    /// The template's name, as a theme file names its override.
    static let name = "email"

    /// `Files/email.mustache`, embedded in the binary (`PackageResources`).
    static let source = String(decoding: PackageResources.email_mustache, as: UTF8.self)
}
