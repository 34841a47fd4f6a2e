import Policy
import Testing
@testable import Risk

@Suite struct UnitPriceCheckTests {
    typealias F = RiskFixtures

    /// Ten enterprises of one industry buying the same machine at 1,000,000 yuan, ±50,000.
    static func peers(industry: String = "C34") -> [ProjectFile] {
        (0..<10).map { i in
            ProjectFile(enterprise: F.enterprise(i + 1, industry: industry), projects: [F.project("P", equipment: [
                EquipmentItem(name: "激光切割机", quantity: 1, unitPrice: Money(yuan: 950_000 + Int64(i) * 10_000))])])
        }
    }

    @Test func aPriceFarAboveThePeersIsFlaggedWithTheStatistic() throws {
        let odd = ProjectFile(enterprise: F.enterprise(99), projects: [F.project("X", equipment: [
            EquipmentItem(name: "激光 切割机", quantity: 2, unitPrice: Money(yuan: 3_000_000))])])
        let flags = try F.scanner().scan(RiskPopulation(Self.peers() + [odd]))
        #expect(flags.count == 1)
        let flag = try #require(flags.first)
        #expect(flag.kind == .unitPriceOutlier)
        #expect(flag.project == F.ref(99, "X"))
        #expect(flag.fact("median") == "1000000.00")
        #expect(flag.fact("peers") == "10")
        #expect(flag.fact("item") == "equipment[0]")
    }

    @Test func theSamePriceInAnotherIndustryOrWithFewPeersIsNotJudged() throws {
        let elsewhere = ProjectFile(enterprise: F.enterprise(99, industry: "C26"), projects: [F.project("X", equipment: [
            EquipmentItem(name: "激光切割机", quantity: 1, unitPrice: Money(yuan: 3_000_000))])])
        #expect(try F.scanner().scan(RiskPopulation(Self.peers() + [elsewhere])).isEmpty)
        let few = Array(Self.peers().prefix(5))
        let odd = ProjectFile(enterprise: F.enterprise(98), projects: [F.project("Y", equipment: [
            EquipmentItem(name: "激光切割机", quantity: 1, unitPrice: Money(yuan: 3_000_000))])])
        #expect(try F.scanner().scan(RiskPopulation(few + [odd])).isEmpty)
    }

    @Test func aPriceWithinTheSpreadIsNotFlagged() throws {
        let near = ProjectFile(enterprise: F.enterprise(99), projects: [F.project("X", equipment: [
            EquipmentItem(name: "激光切割机", quantity: 1, unitPrice: Money(yuan: 1_300_000))])])
        #expect(try F.scanner().scan(RiskPopulation(Self.peers() + [near])).isEmpty)
    }
}
