import Foundation
import HeraldTestSupport

/// Parses a message with Python's `email` package, a MIME parser independent of Herald, and
/// returns what it found as JSON: headers (decoded), and each part's type, charset, transfer
/// encoding and decoded text.
enum MIMEParser {
    struct Parsed: Decodable {
        var headers: [String: String]
        var isMultipart: Bool
        var contentType: String
        var defects: [String]
        var parts: [Part]
    }

    struct Part: Decodable {
        var contentType: String
        var charset: String?
        var encoding: String?
        var text: String
    }

    private static let script = """
        import email, email.policy, json, sys
        raw = open(sys.argv[1], 'rb').read()
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = []
        for part in message.walk():
            if part.is_multipart():
                continue
            parts.append({
                'contentType': part.get_content_type(),
                'charset': part.get_content_charset(),
                'encoding': part.get('Content-Transfer-Encoding'),
                'text': part.get_content(),
            })
        print(json.dumps({
            'headers': {name: str(value) for name, value in message.items()},
            'isMultipart': message.is_multipart(),
            'contentType': message.get_content_type(),
            'defects': [repr(defect) for defect in message.defects],
            'parts': parts,
        }))
        """

    static func parse(_ message: String) throws -> Parsed {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("herald-\(UUID().uuidString).eml")
        try Data(message.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try TestProcess.run(program: "python3", ["-c", script, file.path])
        return try JSONDecoder().decode(Parsed.self, from: result.standardOutputData)
    }
}
