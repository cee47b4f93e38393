import Foundation

/// A zone of Foundation's time zone database, with the offsets it gives kept by UTC day.
///
/// Asking Foundation for an offset costs microseconds, and a year of a large feed asks hundreds
/// of thousands of times, nearly always about the same few hundred days. A day whose offset is
/// the same at its first and last second is taken to have no change in it, and its offset is
/// kept; on a day with a change, every moment is asked about.
final class SystemZone {
    let timeZone: TimeZone
    /// The offset of each UTC day asked about, or `nil` for a day the offset changes in.
    private var offsetsByDay: [Int: Int?] = [:]

    init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// Seconds the wall clock is ahead of UTC at the UTC moment `seconds`.
    func offset(atUTC seconds: Int) -> Int {
        let day = seconds.floorDivided(by: WallTime.secondsPerDay)
        if let known = offsetsByDay[day] { return known ?? foundationOffset(atUTC: seconds) }
        let first = foundationOffset(atUTC: day * WallTime.secondsPerDay)
        let last = foundationOffset(atUTC: day * WallTime.secondsPerDay + WallTime.secondsPerDay - 1)
        offsetsByDay[day] = .some(first == last ? first : nil)
        return first == last ? first : foundationOffset(atUTC: seconds)
    }

    private func foundationOffset(atUTC seconds: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
