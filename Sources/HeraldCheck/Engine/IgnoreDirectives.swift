import HeraldCore
import HeraldMarkdown

/// `<!-- herald-ignore RULE [RULE…] -->`: an editor's word that a finding on the next line is
/// intended, kept in the file where the next editor sees it.
struct IgnoreDirectives {
    /// Rule ids ignored on each line.
    private var ignored: [Int: Set<String>] = [:]

    init(file: CheckedFile) {
        let marker = Array("herald-ignore".utf8)
        var searched = file.bytes[...]
        while let found = IgnoreDirectives.firstRange(of: marker, in: searched) {
            var end = found.upperBound
            while end < file.bytes.count, file.bytes[end] != UInt8(ascii: "\n"), file.bytes[end] != UInt8(ascii: ">") {
                end += 1
            }
            let rules = String(decoding: file.bytes[found.upperBound..<end], as: UTF8.self)
                .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
                .map(String.init).filter { $0 != "--" }
            let line = file.location(ofOffset: found.lowerBound).line
            ignored[line + 1, default: []].formUnion(rules)
            searched = file.bytes[end...]
        }
    }

    /// Where `marker` first occurs in `bytes`: a plain scan, far faster than the generic
    /// collection search for these short needles.
    private static func firstRange(of marker: [UInt8], in bytes: ArraySlice<UInt8>) -> Range<Int>? {
        guard let first = marker.first, bytes.count >= marker.count else { return nil }
        var index = bytes.startIndex
        let last = bytes.endIndex - marker.count
        while index <= last {
            if bytes[index] == first, bytes[index..<index + marker.count].elementsEqual(marker) {
                return index..<index + marker.count
            }
            index += 1
        }
        return nil
    }

    func ignores(_ finding: Finding) -> Bool {
        guard let line = finding.problem.location?.line, let rules = ignored[line] else { return false }
        return rules.contains(finding.rule.rawValue)
    }
}
