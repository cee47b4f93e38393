import Foundation

/// Which `Host` headers the preview answers: loopback names, address literals and the host it
/// was told to listen on.
///
/// A web page on another site can point its own domain at 127.0.0.1 (DNS rebinding) and then
/// read the preview as if it were the same site, drafts included. The browser still sends that
/// domain as `Host`, so a preview that only answers names it knows cannot be read this way; an
/// address literal cannot be rebound, so those are all allowed.
struct AllowedHosts: Sendable {
    /// The `--host` the server listens on, lower-cased.
    let listeningHost: String

    init(listeningOn host: String) {
        listeningHost = AllowedHosts.normalized(host)
    }

    /// Whether a request whose `Host` header is `authority` (`name` or `name:port`) is answered.
    func allows(_ authority: String?) -> Bool {
        guard let authority, let name = AllowedHosts.hostName(of: authority) else { return false }
        let host = AllowedHosts.normalized(name)
        if host == "localhost" || host.hasSuffix(".localhost") || host == listeningHost { return true }
        return AllowedHosts.isAddressLiteral(host)
    }

    /// The host part of an authority: `[::1]:8000` → `::1`, `example.org:80` → `example.org`.
    static func hostName(of authority: String) -> String? {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let rest = authority[authority.index(after: close)...]
            guard rest.isEmpty || (rest.first == ":" && isPort(rest.dropFirst())) else { return nil }
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let name = parts.first, !name.isEmpty else { return nil }
        if parts.count == 2, !isPort(parts[1]) { return nil }
        return String(name)
    }

    private static func isPort(_ text: Substring) -> Bool {
        text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func normalized(_ host: String) -> String {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        while host.hasSuffix(".") { host.removeLast() }
        return host
    }

    private static func isAddressLiteral(_ host: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET, host, &address) == 1 || inet_pton(AF_INET6, host, &address) == 1
    }
}
