/// How a template reads the values it is given: dictionaries of names, lists, text, numbers and
/// booleans, as plain Swift values inside `Any`.
///
/// The common shapes are told apart by their exact type before any cast: a cast from `Any` to
/// a protocol looks the conformance up, and one to another collection type than the value's
/// converts every element. Other values (an `Optional` stored in `Any`, a `Set`) take the slow
/// way, once per use.
enum TemplateValue {
    /// The shape of a value, read from its type.
    enum Shape {
        case dictionary([String: Any])
        case list([Any])
        case text(String)
        case number(Int)
        case boolean(Bool)
        case other(Any)
    }

    private static let dictionaryType = ObjectIdentifier([String: Any].self)
    private static let textDictionaryType = ObjectIdentifier([String: String].self)
    private static let listType = ObjectIdentifier([Any].self)
    private static let dictionaryListType = ObjectIdentifier([[String: Any]].self)
    private static let textDictionaryListType = ObjectIdentifier([[String: String]].self)
    private static let textListType = ObjectIdentifier([String].self)
    private static let textType = ObjectIdentifier(String.self)
    private static let numberType = ObjectIdentifier(Int.self)
    private static let booleanType = ObjectIdentifier(Bool.self)

    /// The value named `name` in `value`, when `value` is a dictionary that has it.
    static func child(named name: String, of value: Any) -> Any? {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == dictionaryType { return (value as! [String: Any])[name] }
        if type == textDictionaryType { return (value as! [String: String])[name] }
        if case .dictionary(let dictionary) = shape(of: value) { return dictionary[name] }
        return nil
    }

    static func shape(of value: Any) -> Shape {
        switch ObjectIdentifier(Swift.type(of: value)) {
        case textType: return .text(value as! String)
        case dictionaryType: return .dictionary(value as! [String: Any])
        case booleanType: return .boolean(value as! Bool)
        case numberType: return .number(value as! Int)
        case dictionaryListType: return .list((value as! [[String: Any]]).map { $0 })
        case textListType: return .list((value as! [String]).map { $0 })
        case listType: return .list(value as! [Any])
        case textDictionaryType: return .dictionary(value as! [String: String])
        case textDictionaryListType: return .list((value as! [[String: String]]).map { $0 })
        default: return slowShape(of: value)
        }
    }

    /// Whether a section shows for `value`: not for an absent value, `false` or an empty list.
    static func isShown(_ value: Any?) -> Bool {
        guard let value else { return false }
        switch shape(of: value) {
        case .boolean(let shown): return shown
        case .list(let items): return !items.isEmpty
        case .other(let other): return !(other is Void)
        default: return true
        }
    }

    /// `value` written into a page: text as it is, numbers and booleans as Swift writes them.
    static func text(of value: Any) -> String {
        switch shape(of: value) {
        case .text(let text): text
        case .number(let number): String(number)
        case .boolean(let boolean): boolean ? "true" : "false"
        case .other(let other) where other is Void: ""
        case .other(let other): String(describing: other)
        case .dictionary(let dictionary): String(describing: dictionary)
        case .list(let items): String(describing: items)
        }
    }

    /// Values of other types: an optional stored in `Any` is its value, or nothing (`Void`) when
    /// absent; other collections are lists or dictionaries.
    private static func slowShape(of value: Any) -> Shape {
        if let optional = value as? any OptionalValue {
            guard let wrapped = optional.wrappedValue else { return .other(()) }
            return shape(of: wrapped)
        }
        if let text = value as? Substring { return .text(String(text)) }
        if let rendered = value as? RenderedText { return .text(rendered.text) }
        if let dictionary = value as? [String: Any] { return .dictionary(dictionary) }
        if let collection = value as? any Collection { return .list(Array(collection)) }
        return .other(value)
    }
}

/// Lets ``TemplateValue`` see through an `Optional` stored in `Any`.
private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedValue: Any? { self.map { $0 as Any } }
}
