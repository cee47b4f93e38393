import Foundation
import HeraldCore

@testable import HeraldGather

/// A second reading of RFC 5545 recurrence, written to be obviously right rather than fast:
/// every minute of every day in a bounded range is a candidate, and a candidate belongs to the
/// series when its period number is a multiple of `INTERVAL` and every `BY…` part accepts it.
/// Day facts (weekday, week number, day of the year) come from Foundation's `Calendar`, not
/// from the code under test. Rules are limited to whole minutes (`DTSTART` at second 0, no
/// `BYSECOND`), which the random rules respect.
struct RecurrenceReference {
    let rule: RecurrenceRule
    let start: WallTime
    private let calendar: Calendar

    init(rule: RecurrenceRule, start: WallTime) {
        self.rule = rule
        self.start = start
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.firstWeekday = rule.weekStart.rawValue + 1
        calendar.minimumDaysInFirstWeek = 4
        self.calendar = calendar
    }

    private struct Day {
        var year, month, monthDay, weekday, yearDay, monthLength, yearLength, week, weeks, weekdayOrdinal: Int
    }

    private func facts(_ day: Int) -> Day {
        let date = Date(timeIntervalSince1970: TimeInterval(day * 86_400))
        let parts = calendar.dateComponents(
            [.year, .month, .day, .weekday, .weekOfYear, .yearForWeekOfYear, .weekdayOrdinal], from: date)
        let weekYear = parts.yearForWeekOfYear!
        let lastWeekDay = calendar.date(from: DateComponents(year: weekYear, month: 12, day: 28))!
        return Day(
            year: parts.year!, month: parts.month!, monthDay: parts.day!, weekday: parts.weekday! - 1,
            yearDay: calendar.ordinality(of: .day, in: .year, for: date)!,
            monthLength: calendar.range(of: .day, in: .month, for: date)!.count,
            yearLength: calendar.range(of: .day, in: .year, for: date)!.count, week: parts.weekOfYear!,
            weeks: calendar.component(.weekOfYear, from: lastWeekDay), weekdayOrdinal: parts.weekdayOrdinal!)
    }

    /// The period number of a candidate, counted from `DTSTART`'s period.
    private func period(day: Int, minute: Int) -> Int {
        let (candidate, first) = (facts(day), facts(start.day))
        switch rule.frequency {
        case .yearly: return candidate.year - first.year
        case .monthly: return (candidate.year - first.year) * 12 + candidate.month - first.month
        case .weekly:
            func weekBegin(_ day: Int, _ weekday: Int) -> Int {
                day - (weekday - rule.weekStart.rawValue + 7) % 7
            }
            return (weekBegin(day, candidate.weekday) - weekBegin(start.day, first.weekday)) / 7
        case .daily: return day - start.day
        case .hourly: return (day * 24 + minute / 60) - (start.day * 24 + start.second / 3600)
        default: return (day * 1440 + minute) - (start.day * 1440 + start.second / 60)
        }
    }

    private func dayIsMember(_ day: Int) -> Bool {
        let facts = facts(day)
        let first = self.facts(start.day)
        let noDayParts =
            rule.byMonthDay.isEmpty && rule.byDay.isEmpty && rule.byYearDay.isEmpty && rule.byWeekNumber.isEmpty
        if noDayParts {
            switch rule.frequency {
            case .yearly:
                if facts.monthDay != first.monthDay { return false }
                if rule.byMonth.isEmpty, facts.month != first.month { return false }
            case .monthly: if facts.monthDay != first.monthDay { return false }
            case .weekly: if facts.weekday != first.weekday { return false }
            default: break
            }
        }
        if !rule.byMonth.isEmpty, !rule.byMonth.contains(facts.month) { return false }
        if !rule.byWeekNumber.isEmpty,
            !rule.byWeekNumber.contains(where: { $0 > 0 ? $0 == facts.week : facts.weeks + 1 + $0 == facts.week })
        {
            return false
        }
        if !rule.byYearDay.isEmpty,
            !rule.byYearDay.contains(where: {
                $0 > 0 ? $0 == facts.yearDay : facts.yearLength + 1 + $0 == facts.yearDay
            })
        {
            return false
        }
        if !rule.byMonthDay.isEmpty,
            !rule.byMonthDay.contains(where: {
                $0 > 0 ? $0 == facts.monthDay : facts.monthLength + 1 + $0 == facts.monthDay
            })
        {
            return false
        }
        if !rule.byDay.isEmpty {
            let accepted = rule.byDay.contains { entry in
                guard entry.weekday.rawValue == facts.weekday else { return false }
                guard let ordinal = entry.ordinal else { return true }
                if rule.frequency == .monthly || !rule.byMonth.isEmpty {
                    let fromEnd = (facts.monthLength - facts.monthDay) / 7 + 1
                    return ordinal > 0 ? facts.weekdayOrdinal == ordinal : fromEnd == -ordinal
                }
                let (fromStart, fromEnd) = ((facts.yearDay - 1) / 7 + 1, (facts.yearLength - facts.yearDay) / 7 + 1)
                return ordinal > 0 ? fromStart == ordinal : fromEnd == -ordinal
            }
            if !accepted { return false }
        }
        return true
    }

    private func minuteIsMember(_ minute: Int) -> Bool {
        let (hour, minuteOfHour) = (minute / 60, minute % 60)
        let startHour = start.second / 3600
        let startMinute = start.second / 60 % 60
        let hours = rule.byHour.isEmpty && rule.frequency >= .daily ? [startHour] : rule.byHour
        let minutes = rule.byMinute.isEmpty && rule.frequency >= .hourly ? [startMinute] : rule.byMinute
        return (hours.isEmpty || hours.contains(hour)) && (minutes.isEmpty || minutes.contains(minuteOfHour))
    }

    /// The series from `DTSTART` through the end of `lastDay`, with `COUNT` and `UNTIL`.
    ///
    /// The range is widened to whole periods at both ends, so `BYSETPOS` counts each period's
    /// members in full.
    func occurrences(through lastDay: Int, until: WallTime?) -> [WallTime] {
        let (firstDay, endDay): (Int, Int)
        switch rule.frequency {
        case .yearly: (firstDay, endDay) = (start.day - 366, lastDay + 366)
        case .monthly: (firstDay, endDay) = (start.day - 31, lastDay + 31)
        case .weekly: (firstDay, endDay) = (start.day - 7, lastDay + 7)
        default: (firstDay, endDay) = (start.day, lastDay)
        }
        let minutes = (0..<1440).filter(minuteIsMember)
        var byPeriod: [Int: [WallTime]] = [:]
        for day in firstDay...endDay where dayIsMember(day) {
            for minute in minutes {
                let index = period(day: day, minute: minute)
                guard index >= 0, index % rule.interval == 0 else { continue }
                byPeriod[index, default: []].append(WallTime(day: day, second: minute * 60))
            }
        }
        var members: [WallTime] = []
        for (_, times) in byPeriod {
            let sorted = times.sorted()
            if rule.bySetPosition.isEmpty {
                members += sorted
            } else {
                members += Set(
                    rule.bySetPosition.compactMap { position in
                        let index = position > 0 ? position - 1 : sorted.count + position
                        return sorted.indices.contains(index) ? sorted[index] : nil
                    })
            }
        }
        var series = [start] + members.filter { $0 > start }.sorted()
        if let until { series = series.filter { $0 <= until } }
        if let count = rule.count { series = Array(series.prefix(count)) }
        return series.filter { $0.day <= lastDay }
    }
}
