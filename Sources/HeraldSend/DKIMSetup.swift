import Foundation
import HeraldCore

/// Reads `[send] dkim_key` into a signer; `nil` when unset.
enum DKIMSetup {
    static func signer(for configuration: NewsletterConfiguration, folder: URL, fromHost host: String)
        throws(SendError) -> (any MessageSigner)?
    {
        let send = configuration.send
        guard let keyPath = send.dkimKey else { return nil }
        let path = SendSetup.path(keyPath, in: folder)
        guard let data = FileManager.default.contents(atPath: path), let pem = String(data: data, encoding: .utf8)
        else {
            throw SendError(
                .invalidConfiguration,
                "\(NewsletterConfiguration.fileName): [send] dkim_key '\(path)' "
                    + "cannot be read")
        }
        let domain = send.dkimDomain ?? SendSetup.fromDomain(configuration) ?? host
        do {
            return try DKIMSigner(pem: pem, domain: domain, selector: send.dkimSelector ?? "herald")
        } catch {
            throw SendError(
                .invalidConfiguration,
                "\(NewsletterConfiguration.fileName): [send] dkim_key '\(path)': "
                    + "\(error)")
        }
    }
}
