// libFuzzer entry point for iCalendar feeds: any bytes are read as a feed by the calendar reader
// and every occurrence of a two-year window is expanded, as `herald gather events` does.
// Calls only the reader's public entry points. Built by scripts/fuzz.sh; not part of the package.

import HeraldCore
import HeraldGather

private let first = IssueDate(year: 2025, month: 1, day: 1)!
private let last = IssueDate(year: 2026, month: 12, day: 31)!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCalendar(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
    guard let feed = try? CalendarFeed(text: text, source: "fuzz.ics") else { return 0 }
    _ = feed.occurrences(from: first, through: last)
    return 0
}
