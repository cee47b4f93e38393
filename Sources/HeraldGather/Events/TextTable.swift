/// The distinct texts of a set of occurrences, each with a number, so keys made of several
/// texts are a few integers and each text is normalised, ranked or placed once, however many
/// occurrences share it.
struct TextTable {
    private(set) var texts: [String] = []
    private var numbers: [String: Int] = [:]
    /// The number of the empty text.
    let empty: Int

    init() {
        numbers[""] = 0
        texts = [""]
        empty = 0
    }

    /// The number of `text`, given it at its first use.
    mutating func number(of text: String) -> Int {
        if let known = numbers[text] { return known }
        numbers[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    /// For each text's number, the number of its form under `normalise`: texts equal once
    /// normalised share a form.
    func forms(_ normalise: (String) -> String) -> [Int] {
        var forms: [String: Int] = [:]
        return texts.map { text in
            let form = normalise(text)
            if let known = forms[form] { return known }
            forms[form] = forms.count
            return forms.count - 1
        }
    }

    /// For each text's number, its rank when the texts are sorted, so comparing ranks compares
    /// the texts.
    func ranks() -> [Int] {
        var ranks = Array(repeating: 0, count: texts.count)
        for (rank, number) in texts.indices.sorted(by: { texts[$0] < texts[$1] }).enumerated() {
            ranks[number] = rank
        }
        return ranks
    }
}
