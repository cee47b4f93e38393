import NIOCore
import NIOSSL

/// The TLS side of a configuration: a client context trusting the system's roots plus the configured
/// file, and the name to check the certificate against.
struct SMTPTLS: Sendable {
    let context: NIOSSLContext
    /// The host for SNI and the certificate check; nil for an IP address, which is checked
    /// against the certificate's IP addresses instead (SNI cannot carry one).
    let serverHostname: String?

    init(_ configuration: SMTPConfiguration) throws(SMTPError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let file = configuration.additionalTrustFile {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(file)
            } catch {
                throw SMTPError(.invalidConfiguration, "cannot read PEM certificates from \(file): \(error)")
            }
            guard !certificates.isEmpty else {
                throw SMTPError(.invalidConfiguration, "\(file) holds no PEM certificate")
            }
            tls.additionalTrustRoots = [.certificates(certificates)]
        }
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw SMTPError(.tlsFailed, "cannot set up TLS: \(error)")
        }
        let host = configuration.host
        serverHostname = (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    /// A handler to put first in the pipeline, from the first byte or after STARTTLS's 220.
    func makeHandler() throws -> NIOSSLClientHandler {
        try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
    }
}
