import Foundation

/// One row of an import file that names a subscriber, with what the file says about them.
struct ImportEntry: Sendable {
    let line: Int
    let address: EmailAddress
    let status: SubscriberStatus
    /// When the reader opted in (`OPTIN_TIME`).
    let optedIn: Date?
    /// When the reader confirmed (`CONFIRM_TIME`).
    let confirmed: Date?
    /// When the reader left or the address was cleaned (`UNSUB_TIME`, `CLEAN_TIME`).
    let left: Date?
}
