/// Who last changed one line of a file, as `git blame --line-porcelain` says.
public struct BlameLine: Hashable, Sendable {
    /// The full commit id.
    public var commit: String
    public var author: String
    /// The author's address without angle brackets.
    public var email: String
    /// When the commit was authored, in seconds since 1970.
    public var time: Int
    /// The commit message's first line.
    public var summary: String

    public init(commit: String, author: String, email: String, time: Int, summary: String) {
        self.commit = commit
        self.author = author
        self.email = email
        self.time = time
        self.summary = summary
    }

    /// The lines of `git blame --line-porcelain` output by final line number.
    static func parse(porcelain text: String) -> [Int: BlameLine] {
        var lines: [Int: BlameLine] = [:]
        var current: (line: Int, blame: BlameLine)?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if raw.hasPrefix("\t") {
                if let current { lines[current.line] = current.blame }
                current = nil
                continue
            }
            if current == nil {
                let fields = raw.split(separator: " ")
                guard fields.count >= 3, fields[0].count >= 40, let line = Int(fields[2]) else { continue }
                current = (line, BlameLine(commit: String(fields[0]), author: "", email: "", time: 0, summary: ""))
                continue
            }
            guard let space = raw.firstIndex(of: " ") else { continue }
            let key = raw[..<space]
            let value = String(raw[raw.index(after: space)...])
            switch key {
            case "author": current?.blame.author = value
            case "author-mail": current?.blame.email = String(value.drop { $0 == "<" }.prefix { $0 != ">" })
            case "author-time": current?.blame.time = Int(value) ?? 0
            case "summary": current?.blame.summary = value
            default: continue
            }
        }
        return lines
    }
}
