import HeraldCore

/// What every rule may consult besides the file: the configuration and the run's options.
struct CheckContext: Sendable {
    let configuration: NewsletterConfiguration
    let options: CheckOptions
    /// Configured prefixes, lowercased.
    let prefixes: Set<String>
    /// Allowed HTML tag names, lowercased.
    let allowedHTML: Set<String>

    init(configuration: NewsletterConfiguration, options: CheckOptions) {
        self.configuration = configuration
        self.options = options
        prefixes = Set(configuration.check.prefixes.map { $0.lowercased() })
        allowedHTML = Set(configuration.check.allowedHTML.map { $0.lowercased() })
    }

    /// The policies that apply under a chain of headings: each heading's own.
    func policies(for chain: [CheckedFile.Heading]) -> [NewsletterConfiguration.SectionPolicy] {
        chain.map { configuration.check.policy(forSection: $0.title) }
    }
}
