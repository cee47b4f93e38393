import HeraldMarkdown
import TOMLKit

extension TOMLTable {
    /// `text` read as a TOML document, or the problem naming `file` and the line and column
    /// TOMLKit stopped at: how `herald.toml` and a metadata table file are both read.
    static func reading(_ text: String, file: String) throws(HeraldError) -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let begin = error.source.begin
            throw HeraldError(
                Problem(
                    .invalidTOML, file: file, location: SourceLocation(line: begin.line, column: begin.column),
                    message: error.description, fix: "see https://toml.io for TOML's syntax"))
        } catch {
            throw HeraldError(Problem(.invalidTOML, file: file, message: "\(error)"))
        }
    }
}
