import Foundation
import HTTPTypes
import HeraldList
import Hummingbird
import Logging

/// Answers the sign-up service's requests: `POST /subscribe`, `GET /confirm`, `GET` and
/// `POST /unsubscribe`, and `GET /health`. Every answer is a page from the theme, or JSON
/// when the client asks for it (an `Accept` or `Content-Type` of `application/json`).
struct ListResponder: HTTPResponder {
    typealias Context = ListRequestContext

    let desk: SignUpDesk
    let pages: ListPages
    let limiter: ClientRateLimiter
    let mailer: ConfirmationMailer
    let options: ListServiceOptions
    let allowedOrigins: Set<String>
    let log: Logger

    func respond(to request: Request, context: Context) async throws -> Response {
        let json = Self.wantsJSON(request)
        var response: Response
        switch (request.uri.path, request.method) {
        case ("/subscribe", .post):
            response = await subscribe(request, context: context, json: json)
        case ("/subscribe", .options):
            response = Response(
                status: .noContent,
                headers: [
                    .accessControlAllowMethods: "POST", .accessControlAllowHeaders: "Content-Type, Accept",
                    .accessControlMaxAge: "86400",
                ])
        case ("/confirm", .get), ("/confirm", .head):
            response = await confirm(request, json: json)
        case ("/unsubscribe", .get), ("/unsubscribe", .head):
            response = await unsubscribeButton(request, json: json)
        case ("/unsubscribe", .post):
            response = await unsubscribe(request, json: json)
        case ("/health", .get):
            response = Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
        case ("/subscribe", _), ("/confirm", _), ("/unsubscribe", _), ("/health", _):
            response = answer(
                .problem("error", title: "Not allowed", "This address does not take \(request.method) requests."),
                status: .methodNotAllowed, json: json)
        default:
            response = answer(
                .problem("error", title: "Not found", "There is nothing at this address."), status: .notFound,
                json: json)
        }
        if let origin = request.headers[.origin], allowedOrigins.contains(origin.lowercased()) {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.vary] = "Origin"
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    // MARK: - Routes

    private func subscribe(_ request: Request, context: Context, json: Bool) async -> Response {
        let client = clientAddress(request, context: context)
        let admission = await limiter.admit(client)
        guard admission.allowed else {
            log.notice("rate limit: sign-ups from \(client) refused for \(admission.retryAfter) s")
            var response = answer(
                .problem("error", title: "Too many sign-ups", "Please wait a minute and try again."),
                status: .tooManyRequests, json: json)
            response.headers[.retryAfter] = String(admission.retryAfter)
            return response
        }
        let body: [UInt8]
        switch await readBody(request) {
        case .success(let bytes): body = bytes
        case .failure(let response): return response
        }
        let form: SignUpForm
        do throws(SignUpForm.Failure) {
            form = try SignUpForm(body: body, contentType: request.headers[.contentType])
        } catch {
            switch error {
            case .unsupportedType:
                return answer(
                    .problem("error", title: "Unsupported form", "Send the form as a web form or as JSON."),
                    status: .unsupportedMediaType, json: json)
            case .malformed(let reason):
                return answer(
                    .problem("error", title: "The form could not be read", reason + "."), status: .badRequest,
                    json: json)
            }
        }
        let address: EmailAddress
        do {
            address = try EmailAddress(form.email)
        } catch {
            return answer(
                .problem(
                    "invalid-address", title: "Check the address", "This is not an address we can send to: \(error)."),
                status: .badRequest, json: json)
        }
        let taken = ListPages.Page.signUpTaken(address.text, site: options.siteTitle)
        guard form.honeypot.isEmpty else {
            // Answered like any sign-up, so the robot learns nothing; nothing is stored or sent.
            log.notice("honeypot filled by \(client); sign-up of \(EmailAddress.mask(address.text)) ignored")
            return answer(taken, status: json ? .accepted : .ok, json: json)
        }
        do {
            let record = try await desk.signUp(address)
            log.info(
                "sign-up of \(EmailAddress.mask(address.text)): \(record.standing)\(record.mailQueued ? ", mail queued" : "")"
            )
            if record.mailQueued { await mailer.wake() }
        } catch {
            return unavailable(error, json: json)
        }
        return answer(taken, status: json ? .accepted : .ok, json: json)
    }

    private func confirm(_ request: Request, json: Bool) async -> Response {
        do {
            let outcome = try await desk.confirm(token: request.uri.queryParameters["token"].map(String.init) ?? "")
            if case .subscribed(let address) = outcome { log.info("confirmed \(EmailAddress.mask(address.text))") }
            return answer(.confirmed(outcome, site: options.siteTitle), status: .ok, json: json)
        } catch {
            return refused(error, json: json)
        }
    }

    private func unsubscribeButton(_ request: Request, json: Bool) async -> Response {
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        do {
            let subscriber = try await desk.subscriber(forUnsubscribe: token)
            if subscriber.status.hasLeft {
                return answer(
                    .unsubscribed(.alreadyLeft(subscriber.address), site: options.siteTitle), status: .ok, json: json)
            }
            let action = ListLinks.unsubscribePath + "?token=" + token
            return answer(
                .unsubscribeButton(subscriber.address.text, action: action, site: options.siteTitle), status: .ok,
                json: json)
        } catch {
            return refused(error, json: json)
        }
    }

    /// RFC 8058's one-click unsubscribe: a POST with `List-Unsubscribe=One-Click` in its body
    /// (the page's button sends the same), no cookie, no further step.
    private func unsubscribe(_ request: Request, json: Bool) async -> Response {
        let body: [UInt8]
        switch await readBody(request) {
        case .success(let bytes): body = bytes
        case .failure(let response): return response
        }
        guard Self.isOneClick(body, contentType: request.headers[.contentType]) else {
            return answer(
                .problem("error", title: "Nothing changed", "The request did not say List-Unsubscribe=One-Click."),
                status: .badRequest, json: json)
        }
        do {
            let outcome = try await desk.unsubscribe(token: request.uri.queryParameters["token"].map(String.init) ?? "")
            if case .unsubscribed(let address) = outcome { log.info("unsubscribed \(EmailAddress.mask(address.text))") }
            return answer(.unsubscribed(outcome, site: options.siteTitle), status: .ok, json: json)
        } catch {
            return refused(error, json: json)
        }
    }

    // MARK: - Helpers

    private enum BodyResult {
        case success([UInt8])
        case failure(Response)
    }

    /// The request's body, up to the limit; a larger one is refused with 413 before it is read
    /// when its length is declared, and as soon as the limit is passed when it is not.
    private func readBody(_ request: Request) async -> BodyResult {
        let json = Self.wantsJSON(request)
        let tooLarge = answer(
            .problem("error", title: "Too large", "A sign-up is a few hundred bytes; this request is larger."),
            status: .contentTooLarge, json: json)
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > options.bodyLimit {
            return .failure(tooLarge)
        }
        var request = request
        do {
            return .success(Array(buffer: try await request.collectBody(upTo: options.bodyLimit)))
        } catch {
            return .failure(tooLarge)
        }
    }

    private func clientAddress(_ request: Request, context: Context) -> String {
        if options.trustsForwardedFor, let forwarded = request.headers[.xForwardedFor],
            let last = forwarded.split(separator: ",").last
        {
            return last.trimmingCharacters(in: .whitespaces)
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }

    private func refused(_ error: SignUpDeskError, json: Bool) -> Response {
        switch error {
        case .token, .unknownSubscriber:
            answer(
                .problem("invalid-link", title: "This link changes nothing", "\(error.description.capitalizedFirst)."),
                status: .badRequest, json: json)
        case .store(let error):
            unavailable(error, json: json)
        }
    }

    private func unavailable(_ error: ListStoreError, json: Bool) -> Response {
        log.error("the list database failed: \(error)")
        var response = answer(
            .problem("error", title: "Please try again", "The list cannot be reached just now; nothing was changed."),
            status: .serviceUnavailable, json: json)
        response.headers[.retryAfter] = "30"
        return response
    }

    private func answer(_ page: ListPages.Page, status: HTTPResponse.Status, json: Bool) -> Response {
        let body = json ? pages.json(page) : Array(pages.html(page).utf8)
        return Response(
            status: status,
            headers: [
                .contentType: json ? "application/json" : "text/html; charset=utf-8", .cacheControl: "no-store",
                .xContentTypeOptions: "nosniff", .referrerPolicy: "no-referrer",
                .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func wantsJSON(_ request: Request) -> Bool {
        let accept = request.headers[.accept]?.lowercased() ?? ""
        let type = request.headers[.contentType]?.lowercased() ?? ""
        return accept.contains("application/json") || type.hasPrefix("application/json")
    }

    static func isOneClick(_ body: [UInt8], contentType: String?) -> Bool {
        if let fields = try? SignUpForm.formFields(body), fields["List-Unsubscribe"] == "One-Click" { return true }
        // multipart/form-data, which RFC 8058 also allows: the field's name and value in a part.
        let text = String(decoding: body, as: UTF8.self)
        return (contentType ?? "").lowercased().hasPrefix("multipart/form-data")
            && text.contains("name=\"List-Unsubscribe\"") && text.contains("One-Click")
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

extension String {
    /// The sentence with its first letter in capitals, for a message that starts a line.
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
