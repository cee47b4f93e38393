import Foundation
import HeraldCore

/// Where commands tell the user about problems: one `file:line:column: message` line each,
/// the form editors and CI logs turn into links.
enum StandardError {
    static func write(_ problems: [Problem]) {
        let formatter = ProblemFormatter()
        for problem in problems {
            write(formatter.format(problem))
        }
    }

    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
