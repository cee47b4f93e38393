/// A list item marker read at the start of a line.
struct ListMarker {
    var isOrdered: Bool
    /// The bullet (`-`, `+`, `*`) or the delimiter after the number (`.`, `)`).
    var character: UInt8
    var start: Int
    /// Bytes taken by the marker.
    var width: Int
}

extension BlockParser {
    func listMarker(interruptsParagraph: Bool) -> ListMarker? {
        guard firstNonspace < lineEnd else { return nil }
        var index = firstNonspace
        let first = source[index]
        var marker: ListMarker
        if first == ASCII.dash || first == ASCII.plus || first == ASCII.star {
            index += 1
            marker = ListMarker(isOrdered: false, character: first, start: 0, width: 1)
        } else if ASCII.isDigit(first) {
            var number = 0
            var digits = 0
            while index < lineEnd && ASCII.isDigit(source[index]) && digits < 10 {
                number = number * 10 + Int(source[index] - 0x30)
                digits += 1
                index += 1
            }
            guard digits <= 9, index < lineEnd else { return nil }
            let delimiter = source[index]
            guard delimiter == ASCII.dot || delimiter == ASCII.rightParen else { return nil }
            index += 1
            marker = ListMarker(isOrdered: true, character: delimiter, start: number, width: digits + 1)
        } else {
            return nil
        }
        guard index == lineEnd || ASCII.isSpaceOrTab(source[index]) else { return nil }
        if interruptsParagraph {
            if marker.isOrdered && marker.start != 1 { return nil }
            var rest = index
            while rest < lineEnd && ASCII.isSpaceOrTab(source[rest]) { rest += 1 }
            if rest == lineEnd { return nil }
        }
        return marker
    }

    /// Opens an item for `marker` (and a list, unless the container is a list of the same kind).
    mutating func openListItem(_ marker: ListMarker, in container: Int) -> Int {
        let markerOffset = indent
        let markerColumn = firstNonspace - lineStart + 1
        advanceToFirstNonspace()
        advance(by: marker.width, columns: false)

        let savedOffset = offset
        let savedColumn = column
        let savedTab = partiallyConsumedTab
        while column - savedColumn <= 5 && ASCII.isSpaceOrTab(byte(at: offset)) {
            advance(by: 1, columns: true)
        }
        let spaces = column - savedColumn
        let padding: Int
        if spaces >= 5 || spaces < 1 || offset >= lineEnd {
            padding = marker.width + 1
            offset = savedOffset
            column = savedColumn
            partiallyConsumedTab = savedTab
            if spaces > 0 { advance(by: 1, columns: true) }
        } else {
            padding = marker.width + spaces
        }

        var list = container
        if stack[container].role != .list || !isList(stack[container].node, matching: marker) {
            list = openBlock(.list, kind: .list, in: container, column: markerColumn)
            let node = stack[list].node
            tree[node].marker = Int32(marker.character)
            if marker.isOrdered {
                tree[node].flags |= NodeFlag.ordered
                tree[node].number = Int32(truncatingIfNeeded: marker.start)
            }
        }
        let item = openBlock(.item, kind: .item, in: list, column: markerColumn)
        stack[item].markerOffset = markerOffset
        stack[item].padding = padding
        return item
    }

    func isList(_ node: NodeIndex, matching marker: ListMarker) -> Bool {
        let record = tree[node]
        return (record.flags & NodeFlag.ordered != 0) == marker.isOrdered && record.marker == Int32(marker.character)
    }
}
