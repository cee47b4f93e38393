/// The functions a tag may apply to a value, as `{{name(value)}}` or, for where the current item
/// is in its list, `{{^last()}}`: the ones the Mustache library Herald used before offered for
/// lists, text and numbers, so themes written for it keep working.
enum TemplateFunction: String, CaseIterable, Sendable {
    case first, last, index, even, odd, count, empty, reversed
    case lowercased, uppercased, capitalized
    case plusone, minusone, equalzero

    /// Where an item is in the list a section is walking.
    struct Position {
        let index: Int
        let count: Int
    }

    /// The function's result for the current item's `position`.
    func apply(to position: Position) -> Any? {
        switch self {
        case .first: position.index == 0
        case .last: position.index == position.count - 1
        case .index: position.index
        case .even: position.index % 2 == 0
        case .odd: position.index % 2 == 1
        default: nil
        }
    }

    /// The function's result for `value`, or nil when it does not apply to such a value.
    func apply(to value: Any) -> Any? {
        switch TemplateValue.shape(of: value) {
        case .text(let text): apply(toText: text)
        case .number(let number): apply(toNumber: number)
        case .list(let list): apply(toList: list)
        case .dictionary(let dictionary):
            switch self {
            case .count: dictionary.count
            case .empty: dictionary.isEmpty
            default: nil
            }
        case .boolean, .other: nil
        }
    }

    private func apply(toList list: [Any]) -> Any? {
        switch self {
        case .first: list.first
        case .last: list.last
        case .count: list.count
        case .empty: list.isEmpty
        case .reversed: Array(list.reversed())
        default: nil
        }
    }

    private func apply(toText text: String) -> Any? {
        switch self {
        case .lowercased: text.lowercased()
        case .uppercased: text.uppercased()
        case .capitalized: text.capitalizedWords
        case .reversed: String(text.reversed())
        case .count: text.count
        case .empty: text.isEmpty
        default: nil
        }
    }

    private func apply(toNumber number: Int) -> Any? {
        switch self {
        case .plusone: number &+ 1
        case .minusone: number &- 1
        case .equalzero: number == 0
        case .even: number % 2 == 0
        case .odd: number % 2 != 0
        default: nil
        }
    }
}

extension String {
    /// Each word's first letter in upper case and the rest in lower case, without Foundation.
    fileprivate var capitalizedWords: String {
        var result = ""
        var startsWord = true
        for character in self {
            result += startsWord ? character.uppercased() : character.lowercased()
            startsWord = character.isWhitespace
        }
        return result
    }
}
