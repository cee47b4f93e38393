/// Binary search in an array kept in order, for the lookups a rule makes once per link: a scan
/// there made `herald check` quadratic in a big issue's links.
enum SortedSearch {
    /// The index of the first element for which `isAtOrAfter` holds, given that it holds for
    /// every element after one it holds for (`elements.endIndex` when it holds for none).
    static func firstIndex<Elements: RandomAccessCollection<Element>, Element>(
        in elements: Elements, where isAtOrAfter: (Element) -> Bool
    ) -> Int where Elements.Index == Int {
        var low = elements.startIndex
        var high = elements.endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if isAtOrAfter(elements[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
