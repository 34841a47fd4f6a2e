import Foundation
import Testing
@testable import Mail

@Suite struct EncodedWordTests {
    @Test func plainASCIIStaysAsItIs() {
        #expect(EncodedWord.encode("Reminder: item due") == "Reminder: item due")
    }

    @Test func chineseBecomesBase64WordsOfWholeCharacters() throws {
        let subject = "容缺后补材料即将到期：上海浦江智能装备有限公司的设备更新项目需在三十日内补齐"
        let encoded = EncodedWord.encode(subject)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        var decoded = ""
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let payload = String(word.dropFirst(10).dropLast(2))
            // Each word decodes alone: no character is split between two.
            let bytes = try #require(Data(base64Encoded: payload))
            let text = try #require(String(data: bytes, encoding: .utf8))
            decoded += text
        }
        #expect(decoded == subject)
    }

    @Test func lineBreaksNeverReachAHeader() {
        let encoded = EncodedWord.encode("审批结果\r\nBcc: someone@example.org")
        #expect(!encoded.replacingOccurrences(of: "\r\n ", with: "").contains("\n"))
    }
}

extension EncodedWordTests {
    @Test func aLongASCIISubjectIsFoldedToo() {
        let encoded = EncodedWord.encode(String(repeating: "reminder ", count: 200))
        #expect(encoded.components(separatedBy: "\r\n ").allSatisfy { $0.count <= 75 })
    }
}
