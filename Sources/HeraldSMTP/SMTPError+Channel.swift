import NIOCore
import NIOSSL

extension SMTPError {
    /// The one translation of what a channel reports (a TLS failure, a reset, a write on a closed
    /// connection) into the error a caller acts on.
    init(channelError error: any Error, command: SMTPCommand?) {
        switch error {
        case let error as SMTPError:
            self = error
        case NIOSSLError.uncleanShutdown:
            // The peer closed TCP without TLS's close_notify: inside TLS, that is how a drop looks.
            self.init(.connectionClosed, "the server dropped the connection", command: command)
        case let error as NIOSSLError:
            self.init(.tlsFailed, "\(error)", command: command)
        case let error as BoringSSLError:
            self.init(.tlsFailed, "\(error)", command: command)
        case let error as NIOSSLExtraError:
            self.init(.tlsFailed, "\(error)", command: command)
        default:
            self.init(.connectionClosed, "the connection broke: \(error)", command: command)
        }
    }
}
