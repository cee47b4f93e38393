import Testing

@testable import HeraldList

@Suite struct CSVReaderTests {
    func records(_ text: String) -> [(Int, Result<[String], CSVProblem>)] {
        CSVReader(Array(text.utf8)).map { ($0.line, $0.fields) }
    }

    func fields(_ text: String) -> [[String]] {
        CSVReader(Array(text.utf8)).compactMap { try? $0.fields.get() }
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() {
        let text = "a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x,\r\nlast,,row"
        #expect(fields(text) == [["a", "b, c", "say \"hi\""], ["two\nlines", "x", ""], ["last", "", "row"]])
        #expect(records(text).map(\.0) == [1, 2, 4])
    }

    @Test func aByteOrderMarkIsSkipped() {
        #expect(fields("\u{FEFF}Email Address,x\n") == [["Email Address", "x"]])
    }

    @Test func lineEndsOfEveryKindEndRecords() {
        #expect(fields("a\nb\r\nc\rd") == [["a"], ["b"], ["c"], ["d"]])
        #expect(records("a\nb\r\nc\rd").map(\.0) == [1, 2, 3, 4])
    }

    @Test func anUnclosedQuoteIsReportedAtItsLine() {
        let all = records("ok\n\"never closed,\nmore")
        #expect(all.count == 2)
        #expect(all[1].0 == 2)
        #expect(throws: CSVProblem.unclosedQuote) { try all[1].1.get() }
    }

    @Test func textAfterAClosingQuoteSpoilsOnlyItsRecord() throws {
        let all = records("\"a\"b,c\nfine,row\n")
        #expect(throws: CSVProblem.textAfterQuote(field: 1)) { try all[0].1.get() }
        #expect(try all[1].1.get() == ["fine", "row"])
    }

    @Test func invalidUTF8SpoilsOnlyItsRecord() throws {
        let bytes: [UInt8] = Array("a,".utf8) + [0xFF, 0xFE] + Array("\nb,c\n".utf8)
        let all = Array(CSVReader(bytes))
        #expect(throws: CSVProblem.invalidUTF8(field: 2)) { try all[0].fields.get() }
        #expect(try all[1].fields.get() == ["b", "c"])
    }
}
