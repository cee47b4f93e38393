/// RFC 3492's Punycode encoder, which turns an internationalised domain label into the ASCII
/// form mail servers and DNS use (`bücher` → `bcher-kva`).
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
    private static let initialBias = 72
    private static let initialN: UInt32 = 128

    /// The encoded label without the `xn--` prefix. Labels are at most 63 scalars long (the
    /// caller checks), so the arithmetic stays far below `Int`'s range.
    static func encode(_ scalars: String.UnicodeScalarView) -> String {
        let input = scalars.map(\.value)
        var output = String(String.UnicodeScalarView(scalars.filter(\.isASCII)))
        let basicCount = output.unicodeScalars.count
        var handled = basicCount
        if basicCount > 0 { output.append("-") }
        var n = initialN
        var delta = 0
        var bias = initialBias
        while handled < input.count {
            let next = input.filter { $0 >= n }.min()!
            delta += Int(next - n) * (handled + 1)
            n = next
            for value in input {
                if value < n { delta += 1 }
                guard value == n else { continue }
                var q = delta
                var k = base
                while true {
                    let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                    if q < t { break }
                    output.append(digit(t + (q - t) % (base - t)))
                    q = (q - t) / (base - t)
                    k += base
                }
                output.append(digit(q))
                bias = adapt(delta, points: handled + 1, first: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return output
    }

    private static func adapt(_ delta: Int, points: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / points
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digit(_ value: Int) -> Character {
        let scalar = value < 26 ? UInt32(value) + 97 : UInt32(value - 26) + 48
        return Character(Unicode.Scalar(scalar)!)
    }
}
