/// Hosts whose pages are videos or podcasts, so that a submitted link gets the `[video]` or
/// `[audio]` prefix readers rely on to know what they are clicking.
///
/// Contributors forget the prefix more often than not; the host says it for them.
public enum MediaHosts {
    /// `video` or `audio` for a link on a known host (or a subdomain of one), else `nil`.
    public static func suggestedPrefix(forHost host: String) -> String? {
        var domain = Substring(host.lowercased())
        while true {
            if video.contains(String(domain)) { return "video" }
            if audio.contains(String(domain)) { return "audio" }
            guard let dot = domain.firstIndex(of: ".") else { return nil }
            domain = domain[domain.index(after: dot)...]
        }
    }

    static let video: Set<String> = [
        "youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com", "twitch.tv", "dailymotion.com", "peertube.tv",
        "media.ccc.de", "bilibili.com", "rumble.com", "odysee.com", "loom.com", "wistia.com",
    ]

    static let audio: Set<String> = [
        "podcasts.apple.com", "podcasts.google.com", "soundcloud.com", "anchor.fm", "podcasters.spotify.com",
        "overcast.fm", "pca.st", "pocketcasts.com", "castbox.fm", "podbean.com", "buzzsprout.com", "transistor.fm",
        "simplecast.com", "libsyn.com", "spreaker.com", "rustacean-station.org", "changelog.com",
    ]
}
