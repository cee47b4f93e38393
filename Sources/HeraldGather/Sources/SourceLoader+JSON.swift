import Foundation
import HeraldHTTP

extension SourceLoader {
    /// Fetches `url` and decodes its JSON (snake_case keys) as `T`.
    ///
    /// - Throws: ``GatherError`` naming the address: unreachable, a bad status, or JSON that is
    ///   not what Herald expects (saying which key).
    func json<T: Decodable>(at url: String, as type: T.Type) async throws(GatherError) -> T {
        let response = try await fetch(url, accept: "application/json")
        return try Self.decodeJSON(response.body, as: type, from: url)
    }

    /// A fetched answer's JSON (snake_case keys) as `T`, or an error naming the address and the key.
    static func decodeJSON<T: Decodable>(_ body: [UInt8], as type: T.Type, from url: String) throws(GatherError) -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: Data(body))
        } catch {
            throw GatherError(
                .malformedJSON, source: url,
                message: "the answer is not the JSON Herald expects (\(GitHubAPI.describe(error)))",
                fix: "check the address is a Discourse forum's")
        }
    }
}
