/// A `BEGIN:NAME` … `END:NAME` block of an iCalendar file with its properties and nested
/// blocks: `VCALENDAR` holding `VEVENT`s and `VTIMEZONE`s.
struct CalendarComponent: Sendable {
    /// The component name, upper-cased (`VEVENT`).
    var name: String
    var properties: [ContentLine]
    var components: [CalendarComponent]
    /// The line of its `BEGIN`.
    var line: Int

    /// The first property called `name`.
    func property(_ name: String) -> ContentLine? {
        properties.first { $0.name == name }
    }

    /// Every property called `name`, in file order (`EXDATE` may repeat).
    func properties(_ name: String) -> [ContentLine] {
        properties.filter { $0.name == name }
    }

    /// Reads the components of an iCalendar text.
    ///
    /// - Throws: ``GatherError`` naming `source` and the line: a line that is not a property,
    ///   an `END` that does not match its `BEGIN`, a component left open at the end.
    static func parse(_ text: String, source: String) throws(GatherError) -> [CalendarComponent] {
        var stack: [CalendarComponent] = []
        var roots: [CalendarComponent] = []
        var lastLine = 1
        for (text, number) in ContentLine.unfold(text) {
            lastLine = number
            let line: ContentLine
            do {
                line = try ContentLine(parsing: text, line: number)
            } catch {
                throw GatherError(
                    .malformedCalendar, source: source, line: number, message: error.message,
                    fix: "check the feed is iCalendar (RFC 5545)")
            }
            switch line.name {
            case "BEGIN":
                let name = line.value.uppercased()
                guard name.count <= 60 else {
                    throw GatherError(
                        .malformedCalendar, source: source, line: number, message: "BEGIN names no component",
                        fix: "check the feed is iCalendar (RFC 5545) with CRLF or LF line ends")
                }
                stack.append(CalendarComponent(name: name, properties: [], components: [], line: number))
            case "END":
                guard let open = stack.popLast() else {
                    throw GatherError(
                        .malformedCalendar, source: source, line: number,
                        message: "END:\(line.value) without a matching BEGIN")
                }
                guard open.name == line.value.uppercased() else {
                    throw GatherError(
                        .malformedCalendar, source: source, line: number,
                        message: "END:\(line.value) closes BEGIN:\(open.name) of line \(open.line)")
                }
                if stack.isEmpty {
                    roots.append(open)
                } else {
                    stack[stack.count - 1].components.append(open)
                }
            default:
                guard !stack.isEmpty else {
                    throw GatherError(
                        .malformedCalendar, source: source, line: number,
                        message: "property \(line.name) is outside BEGIN:VCALENDAR … END:VCALENDAR",
                        fix: "check the address is an iCalendar feed and not a web page")
                }
                stack[stack.count - 1].properties.append(line)
            }
        }
        if let open = stack.last {
            throw GatherError(
                .malformedCalendar, source: source, line: lastLine,
                message: "BEGIN:\(open.name) of line \(open.line) is never closed", fix: "the feed may be cut short")
        }
        guard roots.contains(where: { $0.name == "VCALENDAR" }) else {
            throw GatherError(
                .malformedCalendar, source: source, line: 1, message: "there is no BEGIN:VCALENDAR",
                fix: "check the address is an iCalendar feed")
        }
        return roots
    }
}
