import Foundation
public import HeraldHTTP

/// Reads a source given as a web address or a file path, as text.
///
/// Both kinds are capped in size, so a wrong address that serves a video or a path to a disk
/// image fails with a message instead of filling memory; invalid UTF-8 is repaired, not fatal,
/// since a feed with one bad byte still holds good events.
public struct SourceLoader: Sendable {
    public let client: WebClient
    /// The largest source read, in bytes.
    public var limit: Int

    public init(client: WebClient, limit: Int = 16 << 20) {
        self.client = client
        self.limit = limit
    }

    /// The text at `source`.
    ///
    /// - Throws: ``GatherError`` naming the source: unreachable, a status other than 2xx, too
    ///   large, a missing or unreadable file.
    public func text(of source: String, accept: String = "text/calendar, */*") async throws(GatherError) -> String {
        if WebAddress.isWebAddress(source) {
            let response = try await fetch(source, accept: accept)
            return String(decoding: response.body, as: UTF8.self)
        }
        return try readFile(source)
    }

    func fetch(_ url: String, accept: String) async throws(GatherError) -> WebResponse {
        let response: WebResponse
        do {
            response = try await client.send(
                WebRequest(url: url, headers: [("Accept", accept)], timeout: .seconds(30), bodyLimit: limit))
        } catch {
            throw GatherError(
                .sourceUnreachable, source: url, message: error.description,
                fix: "check the address and the network, or gather from a downloaded file")
        }
        guard response.isSuccess else {
            throw GatherError(
                .sourceStatus, source: url, message: "the server answered \(response.status)",
                fix: response.status == 404 ? "check the address" : "try again later")
        }
        return response
    }

    private func readFile(_ path: String) throws(GatherError) -> String {
        let url = URL(fileURLWithPath: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let attributes else {
            throw GatherError(
                .sourceUnreachable, source: path, message: "there is no such file",
                fix: "give a file path or an http(s) address")
        }
        if let size = attributes[.size] as? Int, size > limit {
            throw GatherError(
                .sourceUnreachable, source: path, message: "the file is \(size) bytes, more than the \(limit) read")
        }
        do {
            return String(decoding: try Data(contentsOf: url), as: UTF8.self)
        } catch {
            throw GatherError(
                .sourceUnreachable, source: path, message: "cannot read the file (\(error.localizedDescription))")
        }
    }
}
