import HeraldList

/// The words of every answer, in one place, so the HTML and JSON forms say the same.
extension ListPages.Page {
    /// Every sign-up gets this answer, whatever the list knew of the address before, so the
    /// form tells no stranger who reads the newsletter.
    static func signUpTaken(_ address: String, site: String) -> Self {
        Self(
            status: "pending", title: "Check your inbox",
            message: "If \(address) can receive mail, a link to confirm your subscription to \(site) is on "
                + "its way. Open it within seven days; until then nothing else is sent.")
    }

    static func confirmed(_ outcome: ConfirmOutcome, site: String) -> Self {
        switch outcome {
        case .subscribed(let address):
            Self(
                status: "subscribed", title: "You are subscribed",
                message: "\(address) will receive \(site) from the next issue on. Every issue has a link to leave.")
        case .alreadySubscribed:
            Self(status: "subscribed", title: "You are subscribed", message: "This address already receives \(site).")
        case .leftSinceMailed:
            Self(
                status: "unsubscribed", title: "This link is older than your leaving",
                message: "You left \(site) after this link was sent, so it changes nothing. Sign up again on the "
                    + "site to come back.")
        }
    }

    static func unsubscribeButton(_ address: String, action: String, site: String) -> Self {
        Self(
            status: "subscribed", title: "Leave \(site)?",
            message: "\(address) will receive no more issues.", unsubscribeAction: action)
    }

    static func unsubscribed(_ outcome: UnsubscribeOutcome, site: String) -> Self {
        switch outcome {
        case .unsubscribed(let address):
            Self(
                status: "unsubscribed", title: "You have left \(site)",
                message: "\(address) will receive no more issues. Sign up again on the site whenever you like.")
        case .alreadyLeft(let address):
            Self(status: "unsubscribed", title: "You have left \(site)", message: "\(address) is not on the list.")
        }
    }

    static func problem(_ status: String, title: String, _ message: String) -> Self {
        Self(status: status, title: title, message: message)
    }
}
