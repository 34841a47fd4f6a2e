import Policy
import Testing
@testable import Risk

@Suite struct SameEquipmentCheckTests {
    typealias F = RiskFixtures

    @Test func aSerialNumberClaimedByTwoProjectsFlagsBothNamingTheOther() throws {
        let a = ProjectFile(enterprise: F.enterprise(1), projects: [F.project("A", equipment: [
            EquipmentItem(name: "数控机床", quantity: 1, unitPrice: Money(yuan: 800_000), serialNumber: "sn-2024 0017")])])
        let b = ProjectFile(enterprise: F.enterprise(2), projects: [F.project("B", equipment: [
            EquipmentItem(name: "机床", quantity: 1, unitPrice: Money(yuan: 800_000), serialNumber: "SN20240017")])])
        let flags = try F.scanner().scan(RiskPopulation([a, b])).filter { $0.kind == .sameEquipment }
        #expect(flags.count == 2)
        let onB = try #require(flags.first { $0.project == F.ref(2, "B") })
        #expect(onB.partners == [F.ref(1, "A")])
        #expect(onB.enterprises == [F.code(1)])
        #expect(onB.fact("serialNumber") == "SN20240017")
        #expect(onB.reason.zh.contains("出厂编号"))
    }

    @Test func oneInvoiceForSeveralItemsOfOneProjectIsNoFlag() throws {
        let items = (0..<3).map { EquipmentItem(name: "设备\($0)", quantity: 1, unitPrice: Money(yuan: 1000), invoiceNumber: "FP-1") }
        let a = ProjectFile(enterprise: F.enterprise(1), projects: [F.project("A", equipment: items)])
        #expect(try F.scanner().scan(RiskPopulation([a])).isEmpty)
    }

    @Test func anInvoiceNumberInAnotherProjectIsFlagged() throws {
        let a = ProjectFile(enterprise: F.enterprise(1), projects: [
            F.project("A", equipment: [EquipmentItem(name: "x", quantity: 1, unitPrice: Money(yuan: 1), invoiceNumber: "0312-88")]),
            F.project("B", equipment: [EquipmentItem(name: "y", quantity: 1, unitPrice: Money(yuan: 1), invoiceNumber: "031288")]),
        ])
        let flags = try F.scanner().scan(RiskPopulation([a]))
        #expect(flags.map(\.kind) == [.sameEquipment, .sameEquipment])
        #expect(flags.first { $0.project.projectId == "A" }?.partners == [F.ref(1, "B")])
        #expect(flags.first?.enterprises == [])
    }
}
