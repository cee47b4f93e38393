import Foundation

/// Numbers terms by their UTF-8 bytes, in the order first met, so that a term met many times is
/// hashed as bytes (FNV-1a, open addressing) and made into a `String` once.
///
/// Both places that meet every term of the archive use it: reading the last build's parts file
/// (three hundred thousand term occurrences) and finding the terms of entries as they are
/// indexed (a million and a half words), where hashing a `String` for each cost more than the
/// rest of the work.
struct TermBytesTable {
    /// Every term's bytes, one after another.
    private var storage: [UInt8] = []
    /// Number → where its bytes end in ``storage`` (they start where the one before ends).
    private var ends: [Int] = []
    /// Number → its hash, so that growing the slots hashes nothing again.
    private var hashes: [UInt64] = []
    /// Open addressing: the number of the term in each slot, or -1; never more than half full.
    private var slots = [Int32](repeating: -1, count: 1 << 12)

    init() {}

    /// How many terms have a number.
    var count: Int { ends.count }

    /// The number of the term whose bytes are `term`, given it now when it has none; `hash` is
    /// their hash (``hash(_:adding:)`` from ``emptyHash``), made by the caller as it scanned them.
    mutating func number(of term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let (slot, found) = lookUp(term, hash: hash)
        if let found { return found }
        let number = Int32(ends.count)
        storage.append(contentsOf: term)
        ends.append(storage.count)
        hashes.append(hash)
        slots[slot] = number
        if ends.count * 2 > slots.count { grow() }
        return number
    }

    /// The number of the term whose bytes are `term`, or `nil` when it has none.
    func existingNumber(of term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        lookUp(term, hash: hash).number
    }

    /// The slot that holds `term`'s number, or the empty slot where it would go.
    private func lookUp(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, number: Int32?) {
        let mask = slots.count - 1
        var slot = TermBytesTable.slot(of: hash) & mask
        while slots[slot] >= 0 {
            let number = slots[slot]
            if hashes[Int(number)] == hash, holds(term, at: Int(number)) { return (slot, number) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    /// Calls `body` with the bytes of the term numbered `number`.
    func withBytes<Result>(of number: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range(of: Int(number))])) }
    }

    /// Calls `body` with every term's bytes, one after another, and the range of each in them by
    /// number.
    func withAllBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) -> Result) -> Result {
        let ranges = (0..<count).map(range(of:))
        return storage.withUnsafeBufferPointer { body($0, ranges) }
    }

    /// The term numbered `number`, as text.
    func word(_ number: Int32) -> String {
        storage.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[range(of: Int(number))]), as: UTF8.self)
        }
    }

    /// The terms as text, in number order.
    func words() -> [String] {
        (0..<Int32(count)).map(word)
    }

    /// FNV-1a: the hash of no bytes, and of the bytes so far with one more.
    static let emptyHash: UInt64 = 0xcbf2_9ce4_8422_2325

    static func hash(_ hash: UInt64, adding byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// The hash of `bytes`.
    static func hash(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.reduce(emptyHash, hash(_:adding:))
    }

    private static func slot(of hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    private func range(of number: Int) -> Range<Int> {
        (number == 0 ? 0 : ends[number - 1])..<ends[number]
    }

    private func holds(_ term: UnsafeBufferPointer<UInt8>, at number: Int) -> Bool {
        let range = range(of: number)
        guard range.count == term.count else { return false }
        guard let base = term.baseAddress, !range.isEmpty else { return true }
        return storage.withUnsafeBufferPointer { memcmp($0.baseAddress! + range.lowerBound, base, range.count) == 0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = TermBytesTable.slot(of: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}
