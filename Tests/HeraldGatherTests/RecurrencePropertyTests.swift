import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldGather

/// Random rules expanded by Herald and by ``RecurrenceReference`` must give the same dates.
///
/// The rules are drawn from a fixed seed, so a failure repeats; each case names its rule.
@Suite struct RecurrencePropertyTests {
    /// Draws rules from ``SplitMix64`` with a fixed seed, so every run draws the same rules.
    struct Generator {
        var random: SplitMix64

        init(state: UInt64) {
            random = SplitMix64(seed: state)
        }

        mutating func next() -> UInt64 { random.next() }

        mutating func number(in range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }

        mutating func chance(_ percent: Int) -> Bool { number(in: 0...99) < percent }

        mutating func some(in range: ClosedRange<Int>, signed: Bool = false, most: Int = 3) -> [Int] {
            (0..<number(in: 1...most)).map { _ in
                let value = number(in: range)
                return signed && chance(30) ? -value : value
            }
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var rule: String
        var start: WallTime
        var first: Int
        var last: Int
        var testDescription: String { "DTSTART \(start), \(rule), window days \(first)…\(last)" }
    }

    static func randomCase(_ generator: inout Generator) -> Case {
        let frequencies = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY"]
        let frequency = frequencies[generator.number(in: 0...(generator.chance(85) ? 3 : 5))]
        var parts = ["FREQ=\(frequency)"]
        let interval = generator.chance(50) ? 1 : generator.number(in: 2...4)
        if interval > 1 || generator.chance(20) { parts.append("INTERVAL=\(interval)") }
        let yearlyOrMonthly = frequency == "YEARLY" || frequency == "MONTHLY"
        let weekdays = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
        var usesWeekNumbers = false
        if frequency == "YEARLY", generator.chance(20) {
            usesWeekNumbers = true
            parts.append("BYWEEKNO=" + list(generator.some(in: 1...53, signed: true)))
        }
        if frequency == "YEARLY", !usesWeekNumbers, generator.chance(20) {
            parts.append("BYYEARDAY=" + list(generator.some(in: 1...366, signed: true)))
        }
        if generator.chance(35) {
            parts.append("BYMONTH=" + list(generator.some(in: 1...12, most: 4)))
        }
        if frequency != "WEEKLY", generator.chance(30) {
            parts.append("BYMONTHDAY=" + list(generator.some(in: 1...31, signed: true)))
        }
        if generator.chance(45) {
            let entries = (0..<generator.number(in: 1...3)).map { _ in
                let day = weekdays[generator.number(in: 0...6)]
                guard yearlyOrMonthly, !usesWeekNumbers, generator.chance(50) else { return day }
                let most = frequency == "MONTHLY" ? 5 : 53
                let ordinal = generator.number(in: 1...most) * (generator.chance(40) ? -1 : 1)
                return "\(ordinal)\(day)"
            }
            parts.append("BYDAY=" + entries.joined(separator: ","))
        }
        if generator.chance(20) {
            parts.append("BYHOUR=" + list(generator.some(in: 0...23)))
        }
        if generator.chance(20) {
            parts.append("BYMINUTE=" + list(generator.some(in: 0...59)))
        }
        if generator.chance(25) {
            parts.append("BYSETPOS=" + list(generator.some(in: 1...6, signed: true, most: 2)))
        }
        if generator.chance(40) { parts.append("WKST=" + weekdays[generator.number(in: 0...6)]) }
        let startDay = IssueDate(year: 2019, month: 1, day: 1)!.daysSinceEpoch + generator.number(in: 0...2500)
        let startSecond = generator.number(in: 0...23) * 3600 + generator.number(in: 0...59) * 60
        let start = WallTime(day: startDay, second: startSecond)
        let span: Int
        switch frequency {
        case "YEARLY": span = 365 * 3 * interval
        case "MONTHLY": span = 400 * interval
        case "WEEKLY": span = 120 * interval
        case "DAILY": span = 60 * interval
        default: span = 2
        }
        if generator.chance(30) {
            parts.append("COUNT=\(generator.number(in: 1...40))")
        } else if generator.chance(30) {
            let untilDay = startDay + generator.number(in: 0...span)
            let until = WallTime(day: untilDay, second: generator.number(in: 0...86_399))
            let digits = until.description.filter(\.isNumber)
            parts.append("UNTIL=\(digits.prefix(8))T\(digits.dropFirst(8))")
        }
        let subDaily = frequency == "HOURLY" || frequency == "MINUTELY"
        let first = startDay + (subDaily ? 0 : generator.number(in: 0...span / 2))
        return Case(rule: parts.joined(separator: ";"), start: start, first: first, last: startDay + span)
    }

    /// `1,-3,5`.
    static func list(_ numbers: [Int]) -> String {
        numbers.map(String.init).joined(separator: ",")
    }

    static let cases: [Case] = {
        var generator = Generator(state: 20_251_203)
        return (0..<300).map { _ in randomCase(&generator) }
    }()

    @Test(arguments: cases)
    func heraldAgreesWithTheReference(_ example: Case) throws {
        let rule = try RecurrenceRule(parsing: example.rule)
        let until = rule.until.map { $0.isDate ? WallTime(day: $0.time.day, second: 86_399) : $0.time }
        let expected = RecurrenceReference(rule: rule, start: example.start)
            .occurrences(through: example.last, until: until).filter { $0.day >= example.first }
        let found = rule.occurrences(
            startingAt: example.start, until: until, from: WallTime(day: example.first),
            through: WallTime(day: example.last, second: 86_399))
        #expect(found.times == expected)
        #expect(!found.isCut)
    }
}
