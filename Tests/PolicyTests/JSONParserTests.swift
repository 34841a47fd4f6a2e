import Policy
import Testing

@Suite struct JSONParserTests {
    @Test func keepsNumberDigitsExactly() throws {
        let v = try JSONParser.parse(#"{"a": 0.1, "b": [1234.56, -3e2], "c": "x"}"#)
        #expect(v["a"] == .number("0.1"))
        #expect(v["b"] == .array([.number("1234.56"), .number("-3e2")]))
        #expect(v["c"] == .string("x"))
    }

    @Test func decodesEscapesAndUnicode() throws {
        let v = try JSONParser.parse(#"{"s": "\u6d66\u4e1c \"q\" \ud83d\ude00"}"#)
        #expect(v["s"] == .string("浦东 \"q\" 😀"))
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, 1, 9), (#"{"a" 1}"#, 1, 6), ("{\n\"a\": 01}", 2, 8), (#"{"a": 1} x"#, 1, 10),
        (#"{"a": 1, "a": 2}"#, 1, 13), (#"["#, 1, 2),
    ] as [(String, Int, Int)])
    func reportsLineAndColumn(_ text: String, _ line: Int, _ column: Int) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.line == line && error.column == column, "\(text): \(error)")
        }
    }

    @Test func yamlScalarsStayText() throws {
        let v = try JSONValue.parseYAML("a: 0.1\nb: 2024-01-01\nc: true\nd: '12'\ne: 浦东")
        #expect(v["a"] == .number("0.1"))
        #expect(v["b"] == .string("2024-01-01"))
        #expect(v["c"] == .bool(true))
        #expect(v["d"] == .string("12"))
        #expect(v["e"] == .string("浦东"))
    }
}
