import Foundation
import Policy
import Testing

/// The engine's payment on confirmed figures with the ledger's sums as inputs: the window of
/// three years (reading 2), the counting day (reading 12), the cap's room, the award's room, a
/// contract-year never paid twice, and a contract paid only under the instrument it is assigned.
@Suite struct PaymentTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Example 7a: a technical-renovation project with loans L1 (30,000,000) and L2.
    static func project() throws -> Project {
        let text = try String(contentsOf: repo.appendingPathComponent("Examples/instruments/7a.json"), encoding: .utf8)
        return try ProjectFileReader.read(text: text, vocabulary: TestLibrary.shared().vocabulary).get().projects[0]
    }

    static let engine = Result { Engine(library: try TestLibrary.shared()) }
    static let day = Day(year: 2025, month: 3, day: 1)!

    static func interest(_ years: [Int: String]) -> [YearAmount] {
        years.map { YearAmount(year: $0.key, amount: Money(yuanText: $0.value)!) }.sorted { $0.year < $1.year }
    }

    @Test func aConfirmedYearIsPaidAtTheRatio() throws {
        let q = PaymentQuestion(instrument: "7a", basis: .interest(loanId: "L1", year: 2024, confirmed: Self.interest([2024: "1000000.01"])),
                                paidUnderCap: .zero, paidForUnit: .zero)
        let c = try Self.engine.get().payment(q, project: try Self.project(), on: Self.day)
        #expect(c.refusal == nil)
        #expect(c.base == Money(yuanText: "1000000.01"))
        #expect(c.ratio?.decimalString == "0.5")
        // 500,000.005 rounded down to the fen.
        #expect(c.amount == Money(yuanText: "500000.00"))
        #expect(c.limitedBy == "ratio")
        #expect(c.clause == "七")
        #expect(c.cap == Money(yuan: 20_000_000))
    }

    @Test func theCapBindsOnTheLedgersNetPaid() throws {
        let q = PaymentQuestion(instrument: "7a", basis: .interest(loanId: "L1", year: 2025, confirmed: Self.interest([2024: "1035000", 2025: "1035000"])),
                                paidUnderCap: Money(yuanText: "19800000.50")!, paidForUnit: .zero)
        let c = try Self.engine.get().payment(q, project: try Self.project(), on: Self.day)
        #expect(c.amount == Money(yuanText: "199999.50"))
        #expect(c.capRoom == Money(yuanText: "199999.50"))
        #expect(c.limitedBy == "cap")
        let full = PaymentQuestion(instrument: "7a", basis: q.basis, paidUnderCap: Money(yuan: 20_000_000), paidForUnit: .zero)
        let none = try Self.engine.get().payment(full, project: try Self.project(), on: Self.day)
        #expect(none.amount == .zero)
        #expect(none.refusal?.en.contains("cap") == true)
    }

    @Test func theAwardBinds() throws {
        let q = PaymentQuestion(instrument: "7a", basis: .interest(loanId: "L1", year: 2024, confirmed: Self.interest([2024: "1035000"])),
                                paidUnderCap: .zero, paidForUnit: .zero, award: Money(yuan: 600_000), paidUnderAward: Money(yuan: 500_000))
        let c = try Self.engine.get().payment(q, project: try Self.project(), on: Self.day)
        #expect(c.amount == Money(yuan: 100_000))
        #expect(c.limitedBy == "award")
    }

    @Test func aYearIsNotPaidTwice() throws {
        let q = PaymentQuestion(instrument: "7a", basis: .interest(loanId: "L1", year: 2024, confirmed: Self.interest([2024: "1035000"])),
                                paidUnderCap: Money(yuan: 517_500), paidForUnit: Money(yuan: 517_500))
        let c = try Self.engine.get().payment(q, project: try Self.project(), on: Self.day)
        #expect(c.amount == .zero)
        #expect(c.refusal != nil)
    }

    @Test func theWindowIsThreeYearsFromTheFirstSubsidisedYear() throws {
        let confirmed = Self.interest([2023: "517500", 2024: "1035000", 2025: "0", 2026: "1035000", 2027: "1035000"])
        let engine = try Self.engine.get()
        let before = engine.payment(PaymentQuestion(instrument: "7a", basis: .interest(loanId: "L1", year: 2023, confirmed: confirmed), paidUnderCap: .zero, paidForUnit: .zero),
                                    project: try Self.project(), on: Self.day)
        #expect(before.place == .beforeCounting)
        #expect(before.amount == .zero)
        let third = engine.payment(PaymentQuestion(instrument: "7a", basis: .interest(loanId: "L1", year: 2026, confirmed: confirmed), paidUnderCap: .zero, paidForUnit: .zero),
                                   project: try Self.project(), on: Self.day)
        #expect(third.place == .inWindow)
        #expect(third.amount == Money(yuan: 517_500))
        // 2025 had no interest but kept its place: 2027 is the fourth year.
        let fourth = engine.payment(PaymentQuestion(instrument: "7a", basis: .interest(loanId: "L1", year: 2027, confirmed: confirmed), paidUnderCap: .zero, paidForUnit: .zero),
                                    project: try Self.project(), on: Self.day)
        #expect(fourth.place == .afterWindow)
        #expect(fourth.refusal?.en.contains("reading 2") == true)
    }

    @Test func aContractIsPaidOnlyUnderItsInstrument() throws {
        let engine = try Self.engine.get()
        let wrong = engine.payment(PaymentQuestion(instrument: "17a", basis: .interest(loanId: "L1", year: 2024, confirmed: Self.interest([2024: "1035000"])), paidUnderCap: .zero, paidForUnit: .zero),
                                   project: try Self.project(), on: Self.day)
        #expect(wrong.amount == .zero)
        #expect(wrong.refusal != nil)
        let grant = engine.payment(PaymentQuestion(instrument: "7a", basis: .grant, paidUnderCap: .zero, paidForUnit: .zero), project: try Self.project(), on: Self.day)
        #expect(grant.refusal?.en.contains("not a grant") == true)
        let unknownLoan = engine.payment(PaymentQuestion(instrument: "7a", basis: .interest(loanId: "L9", year: 2024, confirmed: []), paidUnderCap: .zero, paidForUnit: .zero),
                                         project: try Self.project(), on: Self.day)
        #expect(unknownLoan.refusal?.en.contains("no loan L9") == true)
    }
}
