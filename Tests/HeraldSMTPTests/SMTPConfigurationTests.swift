import HeraldSMTP
import Testing

struct SMTPConfigurationTests {
    private let environment = ["HERALD_SMTP_PASSWORD": "s3cret"]

    @Test func submissionWithSTARTTLS() throws {
        let configuration = try SMTPConfiguration(
            url: "smtp://news%40example.org@mail.example.org", environment: environment)
        #expect(configuration.security == .startTLS)
        #expect(configuration.host == "mail.example.org")
        #expect(configuration.port == 587)
        #expect(configuration.user == "news@example.org")
        #expect(configuration.password == "s3cret")
        #expect(configuration.description == "smtp://news@example.org@mail.example.org:587")
        #expect(!configuration.description.contains("s3cret"))
        #expect(!configuration.isLoopback)
    }

    @Test func implicitTLSAndAnotherVariable() throws {
        let configuration = try SMTPConfiguration(
            url: "SMTPS://relay@127.0.0.1", environment: ["RELAY_PASSWORD": "x"], passwordVariable: "RELAY_PASSWORD")
        #expect(configuration.security == .implicitTLS)
        #expect(configuration.port == 465)
        #expect(configuration.password == "x")
        #expect(configuration.isLoopback)
    }

    @Test func noUserNeedsNoPassword() throws {
        let configuration = try SMTPConfiguration(url: "smtp://localhost:2525", environment: [:])
        #expect(configuration.user == nil && configuration.password == nil)
        #expect(configuration.port == 2525)
        #expect(configuration.isLoopback)
    }

    @Test func aPasswordInTheURLIsRefusedAndNeverRepeated() {
        let error = #expect(throws: SMTPError.self) {
            _ = try SMTPConfiguration(url: "smtp://user:hunter2@mail.example.org:587", environment: environment)
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error.map { !"\($0)".contains("hunter2") } == true)
        #expect(error?.message.contains("HERALD_SMTP_PASSWORD") == true)
    }

    @Test func aUserWithoutThePasswordVariable() {
        let error = #expect(throws: SMTPError.self) {
            _ = try SMTPConfiguration(url: "smtp://user@mail.example.org", environment: ["HERALD_SMTP_PASSWORD": ""])
        }
        #expect(error?.code == .missingPassword)
    }

    @Test(arguments: [
        "http://mail.example.org", "smtp://", "smtp://mail.example.org:0", "smtp://mail.example.org:70000",
        "smtp://mail.example.org/path", "smtp://mail.example.org?x=1", "not a url at all", "",
    ])
    func unusableURLs(url: String) {
        let error = #expect(throws: SMTPError.self) { _ = try SMTPConfiguration(url: url, environment: [:]) }
        #expect(error?.code == .invalidConfiguration)
    }

    @Test func aConnectionNobodyAnswersIsARetryableConnectFailure() async throws {
        var configuration = SMTPConfiguration(host: "127.0.0.1", port: 1, security: .startTLS)
        configuration.timeouts.connect = .seconds(5)
        let error = await #expect(throws: SMTPError.self) { _ = try await SMTPConnection.open(configuration) }
        #expect(error?.code == .connectionFailed)
        #expect(error?.isRetryable == true)
    }

    @Test func aMissingTrustFileIsAConfigurationError() async {
        var configuration = SMTPConfiguration(host: "127.0.0.1", port: 1, security: .implicitTLS)
        configuration.additionalTrustFile = "/nonexistent/ca.pem"
        let error = await #expect(throws: SMTPError.self) { _ = try await SMTPConnection.open(configuration) }
        #expect(error?.code == .invalidConfiguration)
    }
}
