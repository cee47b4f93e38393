extension ConfigurationTableReader {
    /// The section kind `key` names by its id, one of `kinds`; anything else is reported at
    /// the key with the ids it may be.
    ///
    /// - Parameter role: what the kinds are, for the message (`a section kind`).
    mutating func sectionKind(_ key: String, among kinds: [SectionKind], role: String) -> SectionKind? {
        parsed(key, describedAs: "a section kind") { id -> Result<SectionKind, Problem> in
            guard let kind = SectionKind(id: id), kinds.contains(kind) else {
                return .failure(
                    Problem(
                        .invalidValue, message: "'\(id)' is not \(role)",
                        fix: "use one of \(kinds.map { "'\($0.id)'" }.joined(separator: ", "))"))
            }
            return .success(kind)
        }
    }
}
