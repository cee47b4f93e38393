import HeraldCore
import HeraldMarkdown

/// `<!-- herald-ignore RULE [RULE…] -->`: an editor's word that a finding on the next line is
/// intended, kept in the file where the next editor sees it.
struct IgnoreDirectives {
    /// Rule ids ignored on each line.
    private var ignored: [Int: Set<String>] = [:]

    init(file: CheckedFile) {
        var ignored: [Int: Set<String>] = [:]
        file.bytes.withUnsafeBufferPointer { bytes in
            IgnoreDirectives.marker.withUnsafeBufferPointer { marker in
                var start = 0
                while let found = ByteSearch.firstRange(of: marker, in: bytes, from: start) {
                    var end = found.upperBound
                    while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: ">") {
                        end += 1
                    }
                    let rules = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[found.upperBound..<end]), as: UTF8.self
                    )
                    .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
                    .map(String.init).filter { $0 != "--" }
                    let line = file.location(ofOffset: found.lowerBound).line
                    ignored[line + 1, default: []].formUnion(rules)
                    start = end
                }
            }
        }
        self.ignored = ignored
    }

    private static let marker = Array("herald-ignore".utf8)

    /// Whether the file has no directive, so that no finding needs asking.
    var isEmpty: Bool { ignored.isEmpty }

    func ignores(_ finding: Finding) -> Bool {
        guard let line = finding.problem.location?.line, let rules = ignored[line] else { return false }
        return rules.contains(finding.rule.rawValue)
    }
}
