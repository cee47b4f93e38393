/// A growing run of bytes for the HTML writer, which appends millions of pieces of three to a few
/// dozen bytes: `Array.append(contentsOf:)` makes a runtime call to check that the array is not
/// shared and a generic copy for each (on the archive, 39 M of the 270 M instructions spent
/// writing HTML went to them). This
/// buffer is never shared (a class, owned by one writer), so an append is a capacity test and a copy.
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    var last: UInt8? { count > 0 ? base[count - 1] : nil }

    /// A copy of the bytes.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes, valid only inside `body`.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes, to be changed in place, valid only inside `body`.
    func withMutableBytes<Result>(_ body: (UnsafeMutableBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeMutableBufferPointer(start: base, count: count))
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        let added = bytes.count
        guard added > 0, let source = bytes.baseAddress else { return }
        if count + added > capacity { grow(toHold: count + added) }
        let target = base + count
        if added <= 16 {
            // Short pieces (tags, entities) are copied in a loop: calling memcpy costs more.
            for index in 0..<added { target[index] = source[index] }
        } else {
            target.initialize(from: source, count: added)
        }
        count += added
    }

    func append<Bytes: Collection>(contentsOf bytes: Bytes) where Bytes.Element == UInt8 {
        let copied: Void? = bytes.withContiguousStorageIfAvailable { append(contentsOf: $0) }
        if copied == nil { for byte in bytes { append(byte) } }
    }

    func reserveCapacity(_ minimum: Int) {
        if minimum > capacity { grow(toHold: minimum) }
    }

    /// Forgets the bytes, keeping the room.
    func removeAll() {
        count = 0
    }

    @inline(never)
    private func grow(toHold minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
