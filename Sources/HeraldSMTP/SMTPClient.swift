/// Sends single messages, one connection each: the right shape for confirmation and welcome mails,
/// a few a minute. A bulk sender opens `SMTPConnection`s itself and keeps them for many messages.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration

    public init(configuration: SMTPConfiguration) {
        self.configuration = configuration
    }

    /// Connects, sends, says QUIT; the delivery reports each recipient's reply.
    public func send(_ message: SMTPMessage, envelope: SMTPEnvelope) async throws(SMTPError) -> SMTPDelivery {
        let connection = try await SMTPConnection.open(configuration)
        do throws(SMTPError) {
            let delivery = try await connection.send(message, envelope: envelope)
            await connection.close()
            return delivery
        } catch {
            await connection.close()
            throw error
        }
    }
}
