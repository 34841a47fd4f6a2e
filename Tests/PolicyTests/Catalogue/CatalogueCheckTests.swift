import Foundation
import Policy
import Testing

/// The engine's check of 17a, 17b and 17c against a catalogue snapshot (十七): listed on the
/// contract's date, first on the market, especially innovative; the plan cites the entry; an
/// expired or unknown product is told why; without a snapshot the declaration stands as before.
@Suite struct CatalogueCheckTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Example 17a: loan L1 from 2024-09-01 buys SH-CX-2024-0618, declared first on the market.
    static func project(_ name: String = "17a") throws -> Project {
        let text = try String(contentsOf: repo.appendingPathComponent("Examples/instruments/\(name).json"), encoding: .utf8)
        return try ProjectFileReader.read(text: text, vocabulary: TestLibrary.shared().vocabulary).get().projects[0]
    }

    static func day(_ s: String) -> Day { Day(iso: s)! }

    static func entry(_ id: String, from: String, until: String, ended: String? = nil, first: Bool = true, special: Bool = false, edition: Int = 1) -> CatalogueEntry {
        CatalogueEntry(productId: id, name: "测试产品 \(id)", edition: edition, publishedOn: day(from), validFrom: day(from), validUntil: day(until),
                       firstOnMarket: first, especiallyInnovative: special, markCode: "SHCX-2024-000001", endedOn: ended.map(day))
    }

    static func result(_ id: String, _ e: ProjectEvaluation) -> InstrumentResult { e.instruments.first { $0.id == id }! }

    static func loanCondition(_ r: InstrumentResult) -> ConditionResult { r.units[0].conditions.first { $0.id == "catalogue-first-on-market" }! }

    @Test func withoutASnapshotTheDeclarationStands() throws {
        let engine = Engine(library: try TestLibrary.shared())
        let r = Self.result("17a", engine.evaluate(try Self.project()))
        #expect(r.status == .matched)
        #expect(Self.loanCondition(r).catalogueEntry == nil)
    }

    @Test func aListedProductMatchesAndTheEntryIsCited() throws {
        var engine = Engine(library: try TestLibrary.shared())
        engine.catalogue = CatalogueSnapshot(entries: [Self.entry("SH-CX-2024-0618", from: "2024-06-01", until: "2027-05-31")])
        let r = Self.result("17a", engine.evaluate(try Self.project()))
        #expect(r.status == .matched)
        let c = Self.loanCondition(r)
        #expect(c.held)
        #expect(c.catalogueEntry?.productId == "SH-CX-2024-0618")
        #expect(c.catalogueEntry?.edition == 1)
        #expect(c.catalogueEntry?.validUntil == Self.day("2027-05-31"))
        #expect(c.catalogueEntry?.checkedOn == Self.day("2024-09-01"))
        // The same amount as on the declaration: the check decides eligibility, not the sum.
        let plain = Self.result("17a", Engine(library: try TestLibrary.shared()).evaluate(try Self.project()))
        #expect(r.amount == plain.amount)
    }

    @Test func anExpiredListingIsToldWhy() throws {
        var engine = Engine(library: try TestLibrary.shared())
        engine.catalogue = CatalogueSnapshot(entries: [Self.entry("SH-CX-2024-0618", from: "2021-06-01", until: "2024-05-31")])
        let r = Self.result("17a", engine.evaluate(try Self.project()))
        #expect(r.status == .notMatched)
        let c = Self.loanCondition(r)
        #expect(!c.held)
        #expect(c.detail?.en == "product SH-CX-2024-0618 is not in the catalogue on 2024-09-01: its listing expired on 2024-05-31 (edition 1, 2021-06-01 to 2024-05-31)")
        #expect(c.detail?.zh.contains("已于 2024-05-31 到期") == true)
    }

    @Test func aListingEndedEarlyCountsFromItsEnd() throws {
        var engine = Engine(library: try TestLibrary.shared())
        engine.catalogue = CatalogueSnapshot(entries: [Self.entry("SH-CX-2024-0618", from: "2024-01-01", until: "2026-12-31", ended: "2024-08-15")])
        let c = Self.loanCondition(Self.result("17a", engine.evaluate(try Self.project())))
        #expect(!c.held)
        #expect(c.detail?.en.contains("its listing expired on 2024-08-14") == true)
    }

    @Test func anUnknownProductIsToldWhy() throws {
        var engine = Engine(library: try TestLibrary.shared())
        engine.catalogue = CatalogueSnapshot(entries: [Self.entry("SH-CX-OTHER", from: "2024-01-01", until: "2026-12-31")])
        let r = Self.result("17a", engine.evaluate(try Self.project()))
        #expect(r.status == .notMatched)
        #expect(Self.loanCondition(r).detail?.en == "product SH-CX-2024-0618 is not in the catalogue")
    }

    @Test func aProductNotFirstOnTheMarketFails17a() throws {
        var engine = Engine(library: try TestLibrary.shared())
        engine.catalogue = CatalogueSnapshot(entries: [Self.entry("SH-CX-2024-0618", from: "2024-06-01", until: "2027-05-31", first: false)])
        let c = Self.loanCondition(Self.result("17a", engine.evaluate(try Self.project())))
        #expect(!c.held)
        #expect(c.catalogueEntry != nil)
        #expect(c.detail?.en.contains("does not count it as on the market for the first time") == true)
    }

    @Test func aRenewalListsTheProductAgain() throws {
        var engine = Engine(library: try TestLibrary.shared())
        engine.catalogue = CatalogueSnapshot(entries: [
            Self.entry("SH-CX-2024-0618", from: "2021-06-01", until: "2024-05-31"),
            Self.entry("SH-CX-2024-0618", from: "2024-06-01", until: "2027-05-31", edition: 2),
        ])
        let c = Self.loanCondition(Self.result("17a", engine.evaluate(try Self.project())))
        #expect(c.held)
        #expect(c.catalogueEntry?.edition == 2)
    }

    @Test func aLeaseOfAnUnlistedProductFails17b() throws {
        var engine = Engine(library: try TestLibrary.shared())
        let project = try Self.project("17b")
        #expect(Self.result("17b", engine.evaluate(project)).status == .matched)
        engine.catalogue = CatalogueSnapshot(entries: [])
        let r = Self.result("17b", engine.evaluate(project))
        #expect(r.status == .notMatched)
        #expect(r.units[0].conditions.first { $0.id == "innovative-product" }?.detail?.en.contains("is not in the catalogue") == true)
    }

    @Test func especiallyInnovativeIsTheCataloguesJudgementFor17c() throws {
        var engine = Engine(library: try TestLibrary.shared())
        let project = try Self.project("17c")
        guard let productId = project.marketContract?.productId else { Issue.record("example 17c names no product"); return }
        let declared = Self.result("17c", engine.evaluate(project))
        engine.catalogue = CatalogueSnapshot(entries: [Self.entry(productId, from: "2020-01-01", until: "2030-12-31", special: false)])
        let notJudged = Self.result("17c", engine.evaluate(project))
        #expect(notJudged.status == .notMatched)
        #expect(notJudged.conditions.first { $0.id == "especially-innovative" }?.detail?.en.contains("does not judge it especially innovative") == true)
        engine.catalogue = CatalogueSnapshot(entries: [Self.entry(productId, from: "2020-01-01", until: "2030-12-31", special: true)])
        let judged = Self.result("17c", engine.evaluate(project))
        #expect(judged.status == declared.status)
        #expect(judged.amount == declared.amount)
    }

    @Test func theCitationIsWrittenInThePlan() throws {
        var engine = Engine(library: try TestLibrary.shared())
        engine.catalogue = CatalogueSnapshot(entries: [Self.entry("SH-CX-2024-0618", from: "2024-06-01", until: "2027-05-31")])
        let text = try String(contentsOf: Self.repo.appendingPathComponent("Examples/instruments/17a.json"), encoding: .utf8)
        let file = try ProjectFileReader.read(text: text, vocabulary: TestLibrary.shared().vocabulary).get()
        let json = String(decoding: PlanJSONWriter.bytes(engine.plan(for: file)), as: UTF8.self)
        #expect(json.contains(#""catalogueEntry":{"productId":"SH-CX-2024-0618""#))
    }
}
