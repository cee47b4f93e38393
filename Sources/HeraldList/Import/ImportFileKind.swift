import Foundation

/// What kind of list an import file holds, told from its header row or, failing that, its name.
public enum ImportFileKind: Sendable, Equatable, CustomStringConvertible {
    /// One of Mailchimp's audience export files, whose rows all have one status.
    case mailchimp(SubscriberStatus)
    /// One address per line, all to be subscribed; blank lines and `#` comments are skipped.
    case plainList

    public var description: String {
        switch self {
        case .mailchimp(let status): "a Mailchimp export of \(status.rawValue) members"
        case .plainList: "a list of addresses, one per line"
        }
    }

    /// Mailchimp's column of addresses.
    static let addressColumn = "email address"

    /// The kind of a file whose first CSV record is `header`, named `fileName`; `nil` when the
    /// header is not Mailchimp's.
    ///
    /// The columns decide, since a file may have been renamed: only the unsubscribed export has
    /// `UNSUB_TIME` and only the cleaned one `CLEAN_TIME`; otherwise the name may say
    /// `unsubscribed_members_export…` or `cleaned_members_export…`.
    static func mailchimp(header: [String], fileName: String) -> ImportFileKind? {
        let columns = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        guard columns.contains(addressColumn) else { return nil }
        if columns.contains("unsub_time") { return .mailchimp(.unsubscribed) }
        if columns.contains("clean_time") { return .mailchimp(.cleaned) }
        let name = fileName.lowercased()
        if name.hasPrefix("unsubscribed") { return .mailchimp(.unsubscribed) }
        if name.hasPrefix("cleaned") { return .mailchimp(.cleaned) }
        return .mailchimp(.subscribed)
    }
}
