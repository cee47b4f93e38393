/// The email edition's built-in template; a newsletter replaces it with `theme/email.mustache`.
///
/// Email clients ignore most of CSS, so the layout is tables: a full-width background table
/// holding one centred 660 px column, which narrows on small screens. Every style is inline;
/// the one `<style>` block only re-colours for dark mode and narrows the column, which the
/// clients that honour it do and the others safely skip.
enum EmailTemplate {
    /// The template's name, as a theme file names its override.
    static let name = "email"

    static let source = """
        <!DOCTYPE html>
        <html lang="{{site.language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="supported-color-schemes" content="light dark">
        <title>{{issue.title}}</title>
        <style>
        @media (prefers-color-scheme: dark) {
          .email-bg { background-color: #111318 !important; }
          .email-card { background-color: #1c1f26 !important; color: #e3e5e8 !important; }
          .email-card h1, .email-card h2, .email-card h3, .email-card h4, .email-card h5 { color: #f3f4f6 !important; border-color: #343a46 !important; }
          .email-card a { color: #8cb8ff !important; }
          .email-card code, .email-card pre, .email-card th { background-color: #272b34 !important; color: #e3e5e8 !important; }
          .email-card td, .email-card th, .email-rule { border-color: #343a46 !important; }
          .email-card blockquote { color: #b6bcc6 !important; border-color: #4b5261 !important; }
          .email-muted, .email-muted a { color: #a0a7b4 !important; }
        }
        @media (max-width: 480px) {
          .email-card { width: 100% !important; }
          .email-pad { padding-left: 16px !important; padding-right: 16px !important; }
        }
        </style>
        </head>
        <body class="email-bg" style="margin:0;padding:0;background-color:#f3f4f6;">
        <div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;font-size:1px;line-height:1px;color:#f3f4f6;mso-hide:all;">{{preheader}}</div>
        <table role="presentation" class="email-bg" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;background-color:#f3f4f6;">
        <tr><td align="center" style="padding:16px 0;">
        <table role="presentation" class="email-card" width="660" cellpadding="0" cellspacing="0" border="0" style="width:660px;max-width:660px;table-layout:fixed;background-color:#ffffff;color:#1f2328;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.55;">
        <tr><td class="email-pad email-rule" style="padding:20px 32px 16px 32px;border-bottom:1px solid #e5e7eb;">
        <p class="email-muted" style="margin:0 0 12px 0;font-size:13px;color:#6b7280;text-align:right;"><a href="{{issue.url}}" style="color:#6b7280;text-decoration:underline;">{{labels.view_in_browser}}</a></p>
        <p class="email-muted" style="margin:0;font-size:13px;font-weight:bold;letter-spacing:0.06em;text-transform:uppercase;color:#6b7280;">{{site.title}}</p>
        <h1 style="margin:4px 0 4px 0;font-size:26px;line-height:1.25;color:#111827;">{{issue.title}}</h1>
        <p class="email-muted" style="margin:0;font-size:14px;color:#6b7280;">{{#issue.number}}{{labels.issue_number}} &middot; {{/issue.number}}{{issue.dateText}}</p>
        </td></tr>
        <tr><td class="email-pad" style="padding:16px 32px 16px 32px;overflow-wrap:break-word;word-wrap:break-word;word-break:break-word;">
        {{{content}}}
        </td></tr>
        <tr><td class="email-pad email-muted email-rule" style="padding:16px 32px 24px 32px;border-top:1px solid #e5e7eb;font-size:13px;line-height:1.5;color:#6b7280;">
        <p style="margin:0 0 8px 0;">{{labels.why_subscribed}} <a href="{{unsubscribeURL}}" style="color:#6b7280;text-decoration:underline;">{{labels.unsubscribe}}</a> &middot; <a href="{{issue.url}}" style="color:#6b7280;text-decoration:underline;">{{labels.read_on_the_web}}</a></p>
        {{#postalAddress}}<p style="margin:0;">{{postalAddress}}</p>{{/postalAddress}}
        </td></tr>
        </table>
        </td></tr>
        </table>
        </body>
        </html>

        """
}
