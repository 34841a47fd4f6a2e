@testable import App
import Foundation
import Policy
import Testing

/// The catalogue and the templates: every key in both languages, every key a template names in
/// the catalogue, and no text written into a template (all of it comes translated from Swift).
@Suite struct WebCatalogueTests {
    static var resources: URL { get throws { try #require(WebResources.directory()) } }

    static func templates() throws -> [(name: String, text: String)] {
        let dir = try resources.appendingPathComponent("Views")
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".leaf") }.sorted().map {
            ($0, try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test func theCatalogueHasEveryKeyInBothLanguages() throws {
        let catalogue = try WebCatalogue.load(directory: Self.resources)
        #expect(catalogue.entries.count > 50)
        for (key, text) in catalogue.entries { #expect(!text.zh.isEmpty && !text.en.isEmpty, "\(key)") }
        #expect(catalogue.text("no_such_key", .zh).hasPrefix(WebCatalogue.missingMarker))
    }

    @Test func aKeyMissingALanguageIsRefused() {
        #expect(throws: WebCatalogue.Failure.self) { try WebCatalogue(yaml: "a: {zh: 甲}\nb: {zh: 乙, en: B}\n") }
        #expect(throws: WebCatalogue.Failure.self) { try WebCatalogue(yaml: "a: {zh: 甲, en: ''}\n") }
    }

    @Test func everyKeyATemplateNamesIsInTheCatalogue() throws {
        let catalogue = try WebCatalogue.load(directory: Self.resources)
        let pattern = try Regex(#"\bt\.([A-Za-z0-9_]+)"#)
        var named = 0
        for (name, text) in try Self.templates() {
            for match in text.matches(of: pattern) {
                let key = String(match.output[1].substring ?? "")
                named += 1
                #expect(catalogue.entries[key] != nil, "\(name) names \(key), which the catalogue lacks")
            }
        }
        #expect(named > 50)
    }

    /// The words of a template once its tags, Leaf expressions and markup are taken out, and the
    /// words of its attributes that people read (alt, title, placeholder, aria-label): none.
    static func literalText(_ template: String) throws -> [String] {
        var s = template
        // Leaf expressions and tags: #(…) with nested parentheses, then #name(…): and bare #name.
        s = s.replacingOccurrences(of: "\\#", with: "")
        var out = ""
        var depth = 0
        var i = s.startIndex
        while i < s.endIndex {
            if depth == 0, s[i] == "#", let n = s.index(i, offsetBy: 1, limitedBy: s.endIndex), n < s.endIndex, s[n] == "(" || s[n].isLetter {
                var j = n
                while j < s.endIndex, s[j].isLetter { j = s.index(after: j) }
                if j < s.endIndex, s[j] == "(" {
                    depth = 1
                    j = s.index(after: j)
                    while j < s.endIndex, depth > 0 {
                        if s[j] == "(" { depth += 1 } else if s[j] == ")" { depth -= 1 }
                        j = s.index(after: j)
                    }
                }
                if j < s.endIndex, s[j] == ":" { j = s.index(after: j) }
                out += " "
                i = j
                continue
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        var problems: [String] = []
        for attribute in ["alt", "title", "placeholder", "aria-label", "label"] {
            for m in out.matches(of: try Regex(#"\s\#(attribute)="([^"]*)""#)) {
                let v = String(m.output[1].substring ?? "")
                if v.contains(where: { $0.isLetter }) { problems.append("\(attribute)=\"\(v)\"") }
            }
        }
        // Markup out; comments, the doctype and SVG's <desc> wrapper go with it.
        let text = out.replacingOccurrences(of: #"<!--[\s\S]*?-->"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"&[a-z]+;"#, with: " ", options: .regularExpression)
        for word in text.split(whereSeparator: { $0.isWhitespace }) where word.contains(where: { $0.isLetter }) {
            problems.append(String(word))
        }
        return problems
    }

    @Test func noTemplateContainsLiteralText() throws {
        for (name, text) in try Self.templates() {
            let found = try Self.literalText(text)
            #expect(found.isEmpty, "\(name): \(found)")
        }
    }

    @Test func theLiteralTextCheckFindsTextWhenThereIsSome() throws {
        #expect(try Self.literalText("<p>#(t.a) 申报</p>") == ["申报"])
        #expect(try Self.literalText(#"<input placeholder="Name">"#) == [#"placeholder="Name""#])
        #expect(try Self.literalText("#if(page.x):<b>#(page.y)</b>#endif").isEmpty)
    }

    @Test func amountsReadAsOfficersReadThem() {
        #expect(AmountText.yuan(Money(fen: 123_456_780), .zh) == "1,234,567.80 元")
        #expect(AmountText.wan(Money(fen: 123_456_780), .zh) == "123.45 万元", "cut to the hundredth, not rounded up")
        #expect(AmountText.shown(Money(fen: 2_000_000_000), .zh) == "2,000.00 万元（20,000,000.00 元）")
        #expect(AmountText.shown(Money(fen: 999_999), .en) == "9,999.99 yuan")
        #expect(AmountText.shown(Money(fen: 1_000_000), .en) == "1.00 × 10,000 yuan (10,000.00 yuan)")
    }
}
