import HeraldCore
import HeraldMarkdown

/// `banned-host` and `closed-section`: what each section takes, as `[check.sections]` says.
enum PolicyRules {
    static func check(
        _ links: [LinkOccurrence], in file: CheckedFile, context: CheckContext, into findings: inout FindingList
    ) {
        // Links under the same heading share its chain and policies, found once per run of them.
        var innermost = -1
        var chain: [CheckedFile.Heading] = []
        var policies = context.policies(for: chain)
        var bannedHosts = policies.flatMap(\.bannedHosts)
        // Each link read where the array keeps it (a copy retains each of its strings).
        func check(_ link: LinkOccurrence) {
            let heading = file.innermostHeading(atLine: link.location.line)
            if heading != innermost {
                innermost = heading
                chain = file.headingChain(endingAt: heading)
                policies = context.policies(for: chain)
                bannedHosts = policies.flatMap(\.bannedHosts)
            }
            if let address = link.address, let banned = bannedHosts.first(where: address.isOn) {
                let place = chain.last.map { "'\($0.title)'" } ?? "this issue"
                findings.report(
                    .bannedHost, at: link.location, "\(place) does not take links to \(banned)",
                    fix: "link another source for the same story")
            }
            if context.options.contributor == .outside, link.isEntryLink,
                let closed = zip(chain, policies).reversed().first(where: { $0.1.isClosed })
            {
                findings.report(
                    .closedSection, at: link.location, "'\(closed.0.title)' takes no links from outside contributors",
                    fix: "propose the link in another section, or ask the editors")
            }
        }
        for index in links.indices where !links[index].isImage { check(links[index]) }
    }
}
