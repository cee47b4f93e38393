import HeraldCore
import HeraldMarkdown

/// A `BEGIN:NAME` … `END:NAME` block of an iCalendar file with its properties and nested
/// blocks: `VCALENDAR` holding `VEVENT`s and `VTIMEZONE`s.
struct CalendarComponent: Sendable {
    /// The component name, upper-cased (`VEVENT`).
    var name: String
    var properties: [ContentLine]
    var components: [CalendarComponent]
    /// The line of its `BEGIN`.
    var line: Int

    /// How deep components may nest. Real feeds need four (`VCALENDAR` › `VEVENT` › `VALARM`,
    /// `VTIMEZONE` › `STANDARD`); anything deeper is skipped, so a hostile file cannot build a
    /// tree whose teardown would exhaust the stack.
    static let maximumDepth = 16

    /// The first property called `name`.
    func property(_ name: String) -> ContentLine? {
        properties.first { $0.name == name }
    }

    /// Every property called `name`, in file order (`EXDATE` may repeat).
    func properties(_ name: String) -> [ContentLine] {
        properties.filter { $0.name == name }
    }

    /// Reads the components of an iCalendar text, leniently.
    ///
    /// A line that is not a property (an unfolded continuation), a property outside every
    /// component (after `END:VCALENDAR`), an `END` that closes nothing, components nested too
    /// deep, and components left open are each reported in `problems` and cost only that line
    /// or that component.
    ///
    /// - Throws: ``GatherError`` naming `source` when the text holds no `VCALENDAR` at all:
    ///   the address gave a web page or an error message, not a feed.
    static func parse(_ text: String, source: String, problems: inout [Problem]) throws(GatherError)
        -> [CalendarComponent]
    {
        var stack: [CalendarComponent] = []
        var roots: [CalendarComponent] = []
        var skippedDepth = 0
        var firstProblemLine: Int?
        func report(_ line: Int, _ message: String) {
            if firstProblemLine == nil { firstProblemLine = line }
            problems.append(
                Problem(
                    .malformedCalendar, severity: .warning, file: source,
                    location: SourceLocation(line: line, column: 1), message: message))
        }
        ContentLine.read(text) { number, parsed in
            let line: ContentLine
            switch parsed {
            case .success(let parsedLine): line = parsedLine
            case .failure(let error):
                report(number, error.message + "; the line is skipped (a long line not folded?)")
                return
            }
            switch line.name {
            case "BEGIN" where skippedDepth > 0 || stack.count >= maximumDepth:
                if skippedDepth == 0 {
                    report(number, "components nest deeper than \(maximumDepth) levels; BEGIN:\(line.value) is skipped")
                }
                skippedDepth += 1
            case "END" where skippedDepth > 0:
                skippedDepth -= 1
            case _ where skippedDepth > 0:
                return
            case "BEGIN":
                let name = line.value.uppercased()
                stack.append(CalendarComponent(name: name, properties: [], components: [], line: number))
            case "END":
                let name = line.value.uppercased()
                guard let index = stack.lastIndex(where: { $0.name == name }) else {
                    report(number, "END:\(line.value) closes no open component; the line is skipped")
                    return
                }
                while stack.count > index + 1 {
                    let open = stack.removeLast()
                    report(
                        open.line, "BEGIN:\(open.name) is never closed; END:\(line.value) at line \(number) closes it")
                    stack[stack.count - 1].components.append(open)
                }
                let closed = stack.removeLast()
                if stack.isEmpty {
                    roots.append(closed)
                } else {
                    stack[stack.count - 1].components.append(closed)
                }
            default:
                guard !stack.isEmpty else {
                    report(number, "property \(line.name) is outside BEGIN:VCALENDAR … END:VCALENDAR; it is skipped")
                    return
                }
                stack[stack.count - 1].properties.append(line)
            }
        }
        while let open = stack.popLast() {
            report(open.line, "BEGIN:\(open.name) is never closed (the feed may be cut short)")
            if stack.isEmpty {
                roots.append(open)
            } else {
                stack[stack.count - 1].components.append(open)
            }
        }
        guard roots.contains(where: { $0.name == "VCALENDAR" }) else {
            throw GatherError(
                .malformedCalendar, source: source, line: firstProblemLine ?? 1,
                message: "there is no BEGIN:VCALENDAR",
                fix: "check the address is an iCalendar feed and not a web page")
        }
        return roots
    }
}
