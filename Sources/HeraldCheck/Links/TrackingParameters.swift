/// Query parameters that only tell a site where a reader came from: they make the same article
/// look like a new link, and they leak the newsletter's readers to analytics.
enum TrackingParameters {
    /// Parameters that mean tracking on any host.
    static let everywhere: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "ref_src", "ref_url", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wickedid",
        "__s", "rb_clickid", "s_cid", "share_id",
    ]

    /// Prefixes that mean tracking on any host (`utm_source`, `utm_medium`…).
    static let prefixes = ["utm_", "pk_", "mtm_"]

    /// Parameters that mean tracking only on some hosts, where elsewhere they carry content.
    static let byHost: [String: Set<String>] = [
        "youtube.com": ["si", "feature", "pp"],
        "youtu.be": ["si", "feature"],
        "medium.com": ["source", "sk"],
        "twitter.com": ["s", "t"],
        "x.com": ["s", "t"],
        "linkedin.com": ["trk", "trackingid", "lipi"],
        "reddit.com": ["utm_name"],
        "open.spotify.com": ["si"],
    ]

    /// Whether `name` (any case) is a tracking parameter on `host`.
    static func isTracking(_ name: String, host: String) -> Bool {
        let name = name.lowercased()
        if everywhere.contains(name) || prefixes.contains(where: name.hasPrefix) { return true }
        var domain = Substring(host)
        while true {
            if byHost[String(domain)]?.contains(name) == true { return true }
            guard let dot = domain.firstIndex(of: ".") else { return false }
            domain = domain[domain.index(after: dot)...]
        }
    }
}
