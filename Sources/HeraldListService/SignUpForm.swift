import Foundation

/// The fields of a sign-up, from a form post or a JSON body: the address, and the honeypot a
/// person never sees and a form-filling robot fills in.
struct SignUpForm: Sendable, Equatable {
    var email: String
    var honeypot: String

    /// The field names the site's subscribe box uses.
    static let emailField = "email"
    static let honeypotField = "website"

    /// Why a body could not be read.
    enum Failure: Error, Equatable {
        case unsupportedType
        case malformed(String)
    }

    /// Reads `body` as `contentType` says: `application/x-www-form-urlencoded` or `application/json`.
    init(body: [UInt8], contentType: String?) throws(Failure) {
        let type = (contentType ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        switch type {
        case "application/x-www-form-urlencoded", "", nil:
            let fields = try Self.formFields(body)
            email = fields[Self.emailField] ?? ""
            honeypot = fields[Self.honeypotField] ?? ""
        case "application/json":
            guard let object = try? JSONSerialization.jsonObject(with: Data(body), options: []),
                let fields = object as? [String: Any]
            else { throw .malformed("the body is not a JSON object") }
            guard let email = fields[Self.emailField] as? String else {
                throw .malformed("the JSON object has no string \"\(Self.emailField)\"")
            }
            self.email = email
            honeypot = fields[Self.honeypotField] as? String ?? ""
        default:
            throw .unsupportedType
        }
    }

    /// `name=value&…` with `+` for spaces and percent escapes; the first value of a name counts.
    static func formFields(_ body: [UInt8]) throws(Failure) -> [String: String] {
        guard let text = String(validating: body, as: UTF8.self) else { throw .malformed("the form is not UTF-8") }
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw .malformed("a form field has a broken percent escape")
            }
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
