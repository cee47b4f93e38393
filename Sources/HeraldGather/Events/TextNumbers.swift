/// Numbers for texts, equal after a normalisation, so keys made of several texts are a few
/// integers: each distinct text is normalised once and hashed once per use, never joined.
struct TextNumbers {
    private let normalise: (String) -> String
    private var byText: [String: Int] = [:]
    private var byForm: [String: Int] = [:]

    init(normalisedBy normalise: @escaping (String) -> String) {
        self.normalise = normalise
    }

    /// The number of `text`'s normalised form.
    mutating func number(of text: String) -> Int {
        if let known = byText[text] { return known }
        let form = normalise(text)
        let number = byForm[form] ?? byForm.count
        byForm[form] = number
        byText[text] = number
        return number
    }
}
