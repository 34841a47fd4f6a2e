import Foundation
import Policy
import Testing

/// The reader against hostile files: over-long text, control characters, leading zeros in
/// amounts, nesting too deep. Each is refused by its JSON path, in both languages.
@Suite struct HostileInputTests {
    static func file(name: String = "测试企业", project: String = #""id": "P-1""#) -> String {
        #"{"enterprise": {"creditCode": "91310115MA1K4ABCDD", "name": "\#(name)", "district": "pudong", "industryCode": "C34"}, "projects": [{\#(project)}]}"#
    }

    static func issues(_ text: String) throws -> [ValidationIssue] {
        switch ProjectFileReader.read(text: text, vocabulary: try TestLibrary.shared().vocabulary) {
        case .success: return []
        case .failure(let failure): return failure.issues
        }
    }

    @Test func aNameAtTheLimitIsReadAndOneAboveIsRefused() throws {
        let limit = TextKind.name.maxLength
        #expect(try Self.issues(Self.file(name: String(repeating: "浦", count: limit))).isEmpty)
        let refused = try Self.issues(Self.file(name: String(repeating: "浦", count: limit + 1)))
        #expect(refused.map(\.path) == ["$.enterprise.name"])
        #expect(refused.first?.message.zh.contains("最多 \(limit) 个字符") == true)
        #expect(refused.first?.message.en.contains("at most \(limit) characters") == true)
    }

    @Test func everyTextFieldHasItsLimit() throws {
        let long = String(repeating: "x", count: TextKind.note.maxLength + 1)
        let project = #""id": "\#(long)", "name": "\#(long)", "loans": [{"id": "L1", "principal": "1", "lender": "\#(long)"}], "equipment": [{"name": "\#(long)", "quantity": 1, "unitPrice": "1"}, {"name": "机床", "quantity": 1, "unitPrice": "1", "catalogueProductId": "\#(long)"}]"#
        let paths = Set(try Self.issues(Self.file(project: project)).map(\.path))
        #expect(paths == ["$.projects[0].id", "$.projects[0].name", "$.projects[0].loans[0].lender",
                          "$.projects[0].equipment[0].name", "$.projects[0].equipment[1].catalogueProductId"])
    }

    @Test(arguments: ["\\u0000", "\\u001f", "\\u007f", "\\u0085", "\\u2028", "\\u202e", "\\n", "\\t"])
    func controlCharactersInANameAreRefused(_ escape: String) throws {
        let refused = try Self.issues(Self.file(name: "上海\(escape)企业"))
        #expect(refused.map(\.path) == ["$.enterprise.name"], "\(escape)")
        #expect(refused.first?.message.zh.contains("控制字符") == true)
        #expect(refused.first?.message.en.contains("control character") == true)
    }

    @Test func aNoteMayHoldLineBreaksButNoOtherControls() {
        #expect(TextKind.note.problem(in: "第一行\n第二行\r\n\t缩进") == nil)
        #expect(TextKind.note.problem(in: "a\u{0}b") != nil)
        #expect(TextKind.name.problem(in: "第一行\n第二行") != nil)
    }

    @Test(arguments: [(#""00012""#, "12"), (#""01.5""#, "1.5"), (#""00""#, "0"), (#""00.50""#, "0.50")] as [(String, String)])
    func amountsWithLeadingZerosAreRefusedWithTheirPlainForm(_ amount: String, _ plain: String) throws {
        let refused = try Self.issues(Self.file(project: #""id": "P-1", "investment": {"declared": \#(amount)}"#))
        #expect(refused.map(\.path) == ["$.projects[0].investment.declared"])
        #expect(refused.first?.message.zh.contains("应写作 \(plain)") == true, "\(refused)")
        #expect(refused.first?.message.en.contains("write \(plain)") == true)
    }

    @Test func plainAmountsStillRead() throws {
        for amount in [#""0""#, #""0.5""#, #""12500000""#, "12500000", "0.05"] {
            #expect(try Self.issues(Self.file(project: #""id": "P-1", "investment": {"declared": \#(amount)}"#)).isEmpty, "\(amount)")
        }
        #expect(Money(yuanText: "00012") == nil)
        #expect(Money(yuanText: "0.12") == Money(fen: 12))
    }

    @Test func aNumberWithALeadingZeroIsNotJSON() throws {
        let refused = try Self.issues(Self.file(project: #""id": "P-1", "investment": {"declared": 00012}"#))
        #expect(refused.map(\.path) == ["$.projects[0].investment.declared"])
        #expect(refused.first?.message.en.contains("leading zero") == true)
    }

    @Test func nestingTooDeepIsSaidSoWithItsPath() throws {
        let depth = JSONParser.maxDepth
        let deep = String(repeating: "[", count: depth + 5) + String(repeating: "]", count: depth + 5)
        let refused = try Self.issues(Self.file(project: #""id": "P-1", "categories": \#(deep)"#))
        #expect(refused.count == 1)
        let issue = try #require(refused.first)
        #expect(issue.path.hasPrefix("$.projects[0].categories[0][0]"), "\(issue.path)")
        #expect(issue.message.zh.contains("嵌套过深（上限 \(depth) 层）"), "\(issue.message.zh)")
        #expect(issue.message.en.contains("nested too deeply (limit \(depth))"), "\(issue.message.en)")
    }

    @Test func aLongRefusedValueIsNotEchoedWhole() throws {
        let long = String(repeating: "9", count: 5000) + "x"
        let refused = try Self.issues(Self.file(project: #""id": "P-1", "investment": {"declared": "\#(long)"}"#))
        #expect(refused.count == 1)
        #expect((refused.first?.message.en.count ?? .max) < 200)
    }
}
