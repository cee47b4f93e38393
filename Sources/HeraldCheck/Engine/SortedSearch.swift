/// Binary search in an array kept in order, for the lookups a rule makes once per link: a scan
/// there made `herald check` quadratic in a big issue's links.
enum SortedSearch {
    /// The index of the first element for which `isAtOrAfter` holds, given that it holds for
    /// every element after one it holds for (`elements.count` when it holds for none).
    static func firstIndex<Element>(in elements: [Element], where isAtOrAfter: (Element) -> Bool) -> Int {
        var low = 0
        var high = elements.count
        while low < high {
            let middle = low + (high - low) / 2
            if isAtOrAfter(elements[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
