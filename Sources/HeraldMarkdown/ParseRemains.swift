/// What a streamed parse leaves behind once its HTML is written (its trees and its runs' parsers),
/// for a caller that frees it off its own path: freed where the parse ended, a long document's
/// trees kept `herald markdown` on one core for a tenth of its time after the last byte was
/// written. Dropped, it is freed where it is dropped.
///
/// Sendable because nothing reads it: it is only ever let go of, on whichever thread.
package final class ParseRemains: @unchecked Sendable {
    private let parsers: [BlockParser]

    init(parsers: [BlockParser]) {
        self.parsers = parsers
    }
}
