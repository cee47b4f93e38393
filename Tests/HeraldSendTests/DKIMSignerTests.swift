import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldSend

/// Whether dkimpy can be imported; under CI its absence fails the tests instead of skipping them.
enum DKIMPy {
    static let isAvailable =
        (try? TestProcess.run(program: "python3", ["-c", "import dkim, cryptography"]).status) == 0
        || SharedFolder.isCI
}

/// DKIM signatures checked by dkimpy, an independent implementation, through Helpers/verify_dkim.py.
@Suite(.enabled(if: DKIMPy.isAvailable, "python3 with dkimpy (pip install dkimpy) is not installed"))
struct DKIMSignerTests {
    static let message = Array(
        ("From: Quill <news@quill.example>\r\nTo: reader@example.org\r\nSubject:  Issue   41 \r\n"
            + "Date: Wed, 05 Mar 2025 12:00:00 +0000\r\nMessage-ID: <herald.41.1.7@quill.example>\r\n"
            + "List-Unsubscribe: <https://list.quill.example/unsubscribe?token=abc>\r\n"
            + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain;\r\n charset=utf-8\r\n\r\nHello  there \t\r\n\r\nBye=\r\n=3D\r\n\r\n\r\n").utf8)

    @Test(arguments: ["ed25519", "rsa"])
    func dkimpyAcceptsTheSignature(_ algorithm: String) throws {
        let folder = try Newsletter()
        let keyPath = folder.url("key.pem").path
        let generate =
            algorithm == "rsa"
            ? ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", keyPath]
            : ["genpkey", "-algorithm", "ed25519", "-out", keyPath]
        #expect(try TestProcess.run(program: "openssl", generate).status == 0)
        let signer = try DKIMSigner(
            pem: try String(contentsOfFile: keyPath, encoding: .utf8), domain: "quill.example", selector: "s1")
        let signed = signer.sign(Self.message)
        let messagePath = folder.url("message.eml")
        try Data(signed).write(to: messagePath)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Helpers/verify_dkim.py")
        let valid = try TestProcess.run(program: "python3", [script.path, messagePath.path, keyPath])
        #expect(valid.standardOutput == "valid\n", "\(valid.standardError)")

        // A changed body no longer verifies.
        var tampered = signed
        tampered[tampered.count - 8] = UInt8(ascii: "X")
        try Data(tampered).write(to: messagePath)
        #expect(
            try TestProcess.run(program: "python3", [script.path, messagePath.path, keyPath]).standardOutput
                == "invalid\n")
    }

    @Test func relaxedBodyCanonicalizationFollowsRFC6376() {
        let body = Array(" C \r\nD \t E\r\n\r\n\r\n".utf8)
        #expect(String(decoding: DKIMCanonicalization.body(body[...]), as: UTF8.self) == " C\r\nD E\r\n")
        let header = Array("SUBJect : a  \r\n\tb \r\n".utf8)
        #expect(String(decoding: DKIMCanonicalization.header(header), as: UTF8.self) == "subject:a b\r\n")
    }
}
