import HeraldCore
import Testing

@Suite("Editing lines without touching the rest")
struct LineEditTests {
    @Test("CRLF line ends, trailing spaces and the missing final newline are kept")
    func keepsBytes() {
        let text = "a  \r\nb\r\nc"
        var edit = LineEdit()
        edit.insert(["new"], after: 1)
        edit.insert(["last"], after: 3)
        let (result, origins) = edit.applied(to: text)
        #expect(result == "a  \r\nnew\r\nb\r\nc\r\nlast")
        #expect(origins == [1, nil, 2, 3, nil])
    }

    @Test("removals and replacements name the original lines; insertions at the top work")
    func removeAndReplace() {
        let text = "one\ntwo\nthree\nfour\n"
        var edit = LineEdit()
        edit.remove(2...3)
        edit.replace(line: 4, with: "FOUR")
        edit.insert(["zero"], after: 0)
        let (result, origins) = edit.applied(to: text)
        #expect(result == "zero\none\nFOUR\n")
        #expect(origins == [nil, 1, 4, 5])
    }

    @Test("an empty edit gives the text back byte for byte")
    func identity() {
        let text = "x\r\n\ny \n"
        #expect(LineEdit().applied(to: text).text == text)
        #expect(LineEdit().isEmpty)
    }
}
