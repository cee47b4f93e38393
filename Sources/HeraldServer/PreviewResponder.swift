import Foundation
import HeraldCore
import Hummingbird

/// Answers the preview's HTTP requests: files of the built site, and the reload event stream.
///
/// Written as a responder rather than with Hummingbird's file middleware because every HTML
/// page is changed on the way out (the reload script, the error overlay) and the 404 page is
/// the theme's own.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let site: SiteDirectory
    let liveSite: LiveSite
    let channel: ReloadChannel
    let hosts: AllowedHosts

    func respond(to request: Request, context: Context) async throws -> Response {
        // A second Host header (the first becomes the authority) would leave the name in doubt.
        let extraHost = request.headers.contains { $0.name.canonicalName == "host" }
        guard hosts.allows(request.head.authority), !extraHost else {
            return Response(
                status: .misdirectedRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "This preview answers only to its own address.\n")))
        }
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let response: Response
        if request.uri.path == PreviewInjection.eventsPath {
            response = await events(after: request.uri.queryParameters["since"].flatMap { Int($0) })
        } else {
            response = await file(for: request)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// A server-sent event stream: one `reload` event per rebuild from now on.
    private func events(after seen: Int?) async -> Response {
        let generations = await channel.subscribe(after: seen)
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
                for await generation in generations {
                    try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
                }
                try await writer.finish(nil)
            })
    }

    private func file(for request: Request) async -> Response {
        let injection = PreviewInjection(generation: await channel.generation, problems: liveSite.problems)
        switch site.resolve(request.uri.path) {
        case .folder(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Response(status: .movedPermanently, headers: [.location: location + query])
        case .file(let path):
            guard let bytes = FileManager.default.contents(atPath: path) else { return notFound(injection) }
            return page(bytes: Array(bytes), path: path, injection: injection, request: request)
        case .notFound:
            return notFound(injection)
        }
    }

    /// The theme's 404 page with status 404; a plain one when the site has none yet.
    private func notFound(_ injection: PreviewInjection) -> Response {
        let body: [UInt8]
        var type = "text/html; charset=utf-8"
        if case .file(let path) = site.resolve("/404.html"), let bytes = FileManager.default.contents(atPath: path) {
            body = injection.apply(to: Array(bytes))
        } else if !injection.problems.isEmpty {
            body = injection.errorPage()
        } else {
            body = Array("Not found\n".utf8)
            type = "text/plain; charset=utf-8"
        }
        return Response(
            status: .notFound, headers: [.contentType: type, .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A file's response: its content type, an `ETag` of the bytes sent, and `304` when the
    /// browser already has them.
    private func page(bytes: [UInt8], path: String, injection: PreviewInjection, request: Request) -> Response {
        let fileExtension = (path as NSString).pathExtension.lowercased()
        let isHTML = fileExtension == "html" || fileExtension == "htm"
        let body = isHTML ? injection.apply(to: bytes) : bytes
        let tag = EntityTag(of: body).headerValue
        var headers: HTTPFields = [.eTag: tag, .cacheControl: "no-cache"]
        if let matches = request.headers[.ifNoneMatch], EntityTag.header(matches, contains: tag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = Self.contentType(forExtension: fileExtension)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The media type of a file extension, with the character set for text.
    static func contentType(forExtension fileExtension: String) -> String {
        switch fileExtension {
        case "ics": return "text/calendar; charset=utf-8"
        case "atom": return "application/atom+xml; charset=utf-8"
        case "rss": return "application/rss+xml; charset=utf-8"
        default: break
        }
        guard let type = MediaType.getMediaType(forExtension: fileExtension) else { return "application/octet-stream" }
        let description = type.description
        let isText =
            type.type == .text
            || ["application/json", "application/xml", "application/javascript"].contains(description)
        return isText && type.parameter == nil ? description + "; charset=utf-8" : description
    }
}
