import Policy
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [("0", 0), ("12", 1200), ("12.3", 1230), ("12.34", 1234), ("100000000", 10_000_000_000)] as [(String, Int64)])
    func parsesYuan(_ text: String, _ fen: Int64) {
        #expect(Money(yuanText: text)?.fen == fen)
    }

    @Test(arguments: ["-1", "1.234", "1e6", "1,000", "", ".5", "5.", "abc", "１２", "99999999999999999999"])
    func refusesAnythingElse(_ text: String) {
        #expect(Money(yuanText: text) == nil)
    }

    @Test func formats() {
        #expect(Money(fen: 123_456_789).decimalString == "1234567.89")
        #expect(Money(fen: 5).decimalString == "0.05")
        #expect(Money(fen: 123_456_789).grouped == "1,234,567.89")
        #expect(Money(fen: 100).grouped == "1.00")
    }

    @Test func ratioRoundsDownToTheFen() {
        // 1,234,567.89 × 5% = 61,728.3945 → 61,728.39
        #expect(Ratio(text: "5%")!.apply(to: Money(yuanText: "1234567.89")!) == Money(yuanText: "61728.39")!)
        // 333,333.33 × 50% = 166,666.665 → 166,666.66
        #expect(Ratio(text: "0.5")!.apply(to: Money(yuanText: "333333.33")!) == Money(yuanText: "166666.66")!)
        #expect(Ratio(text: "1.5%")!.apply(to: Money(yuanText: "0.99")!) == Money(fen: 1))
    }

    @Test func ratioDoesNotOverflowOnLargeBases() {
        let base = Money(yuanText: "9999999999999.99")!
        #expect(Ratio(text: "0.123456789")!.apply(to: base).fen > 0)
    }

    @Test func ratioParsing() {
        #expect(Ratio(text: "50%") == Ratio(text: "0.5"))
        #expect(Ratio(text: "0.035")!.percent == "3.5%")
        #expect(Ratio(text: "5%")!.decimalString == "0.05")
        #expect(Ratio(text: "-5%") == nil)
        #expect(Ratio(text: "abc") == nil)
    }
}
