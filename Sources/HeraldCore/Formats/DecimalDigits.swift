/// An integer's decimal digits written as bytes, with no string made: for numbers written by
/// the hundred thousand (a report's lines and columns, a page's entry anchors, the search
/// entries' lines), where `String(value)` was an allocation each.
package enum DecimalDigits {
    /// Room for any `Int`'s digits and sign.
    package static let maximumLength = 20

    /// Writes `value`'s digits (a minus sign first, for a negative one) into `buffer` so that they
    /// end just before `end`; returns where they start. `buffer` has room for
    /// ``maximumLength`` bytes before `end`.
    package static func write(_ value: Int, endingAt end: Int, in buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var start = end
        var magnitude = value.magnitude
        repeat {
            start -= 1
            buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        if value < 0 {
            start -= 1
            buffer[start] = UInt8(ascii: "-")
        }
        return start
    }

    /// Calls `body` with `value`'s digits, written on the stack.
    package static func withDigits<Result>(of value: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { buffer in
            let start = write(value, endingAt: buffer.count, in: buffer)
            return body(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }
}
