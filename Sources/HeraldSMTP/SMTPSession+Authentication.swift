import Foundation
import NIOCore

extension SMTPSession {
    /// AUTH PLAIN (RFC 4616) when offered, else AUTH LOGIN; only ever inside TLS or on an allowed
    /// loopback connection, which `handshake` has made sure of before calling.
    func authenticate(
        user: String, password: String, offered: Set<String>, deadline: NIODeadline
    ) async throws(SMTPError) {
        let reply: SMTPReply
        if offered.contains("PLAIN") {
            let credentials = Self.base64([0] + Array(user.utf8) + [0] + Array(password.utf8))
            reply = try await exchange(
                [(.auth, ByteBuffer(string: "AUTH PLAIN \(credentials)\r\n"))], deadline: deadline)[0]
        } else if offered.contains("LOGIN") {
            reply = try await login(user: user, password: password, deadline: deadline)
        } else {
            let names = offered.isEmpty ? "no AUTH" : "only " + offered.sorted().joined(separator: ", ")
            throw SMTPError(
                .authenticationUnsupported, "the server offers \(names); HeraldSMTP speaks PLAIN and LOGIN",
                command: .auth)
        }
        guard reply.code == 235 else {
            throw SMTPError(
                .authenticationFailed, "the server did not accept the user '\(user)'", command: .auth, reply: reply)
        }
    }

    /// The LOGIN exchange: the server prompts (334) for the user name, then for the password.
    private func login(user: String, password: String, deadline: NIODeadline) async throws(SMTPError) -> SMTPReply {
        var reply = try await exchange([(.auth, ByteBuffer(string: "AUTH LOGIN\r\n"))], deadline: deadline)[0]
        for answer in [user, password] {
            guard reply.code == 334 else { return reply }
            let line = Self.base64(Array(answer.utf8)) + "\r\n"
            reply = try await exchange([(.auth, ByteBuffer(string: line))], deadline: deadline)[0]
        }
        return reply
    }

    private static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
