import HeraldMarkdown

/// Finds UTF-8 text that was decoded as Windows-1252 (or Latin-1) and saved again: `â€”`
/// for `—`, `Ã©` for `é`, `Â` before a no-break space, `ðŸ¦€` for 🦀.
///
/// Each character is mapped back to the byte Windows-1252 gives it; where those bytes form a
/// complete UTF-8 sequence (a lead byte and its continuation bytes), the characters were once
/// that sequence. Legitimately Latin text never forms one: `café` maps to `63 61 66 E9`, and
/// `E9` is not followed by continuation bytes.
enum Mojibake {
    /// A run of damaged text: its bytes in the file and what it once was.
    struct Damage: Equatable {
        let range: Range<Int>
        let original: String
        let repaired: String
    }

    /// Every damaged run in `bytes` (valid UTF-8).
    static func find(in bytes: UnsafeBufferPointer<UInt8>) -> [Damage] {
        var damages: [Damage] = []
        var offset = 0
        // Characters since the last one that has no Windows-1252 byte: (file range, byte).
        var run: [(start: Int, end: Int, byte: UInt8)] = []
        func flush() {
            guard !run.isEmpty else { return }
            damages += decode(run, in: bytes)
            run.removeAll(keepingCapacity: true)
        }
        while offset < bytes.count {
            let lead = bytes[offset]
            if lead < 0x80 {
                flush()
                // Most text is ASCII: skip it eight bytes at a time.
                offset = WordScan.firstIndex(
                    in: bytes, from: offset + 1, wordMayMatch: { $0 & WordScan.highBits != 0 },
                    byteMatches: { $0 >= 0x80 })
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            let end = min(offset + length, bytes.count)
            var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for index in (offset + 1)..<end { scalar = scalar << 6 | UInt32(bytes[index] & 0x3F) }
            if let byte = windows1252Byte(scalar) {
                run.append((offset, end, byte))
            } else {
                flush()
            }
            offset = end
        }
        flush()
        return damages
    }

    private static func decode(
        _ run: [(start: Int, end: Int, byte: UInt8)], in bytes: UnsafeBufferPointer<UInt8>
    ) -> [Damage] {
        var damages: [Damage] = []
        var index = 0
        var pending: (start: Int, end: Int, bytes: [UInt8])?
        func finish() {
            if let found = pending, let repaired = String(validating: found.bytes, as: UTF8.self) {
                let original = String(decoding: bytes[found.start..<found.end], as: UTF8.self)
                damages.append(Damage(range: found.start..<found.end, original: original, repaired: repaired))
            }
            pending = nil
        }
        while index < run.count {
            let lead = run[index].byte
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let sequence = length > 0 && index + length <= run.count ? run[index..<index + length].map(\.byte) : []
            if !sequence.isEmpty, sequence.dropFirst().allSatisfy({ (0x80...0xBF).contains($0) }),
                String(validating: sequence, as: UTF8.self) != nil
            {
                if let current = pending, current.end == run[index].start {
                    pending = (current.start, run[index + length - 1].end, current.bytes + sequence)
                } else {
                    finish()
                    pending = (run[index].start, run[index + length - 1].end, sequence)
                }
                index += length
            } else {
                finish()
                index += 1
            }
        }
        finish()
        return damages
    }

    /// The byte Windows-1252 decodes to `scalar`, with Latin-1's for the five bytes it leaves undefined.
    static func windows1252Byte(_ scalar: UInt32) -> UInt8? {
        if (0xA0...0xFF).contains(scalar) || (0x80...0x9F).contains(scalar) { return UInt8(scalar) }
        return windows1252Specials[scalar]
    }

    private static let windows1252Specials: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
