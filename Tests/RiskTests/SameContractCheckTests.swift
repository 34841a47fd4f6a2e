import Policy
import Testing
@testable import Risk

@Suite struct SameContractCheckTests {
    typealias F = RiskFixtures

    @Test func oneLoanContractInTwoProjectsIsFlagged() throws {
        let a = ProjectFile(enterprise: F.enterprise(1), projects: [F.project("A", loans: [
            Loan(id: "L1", lender: "工商银行 上海分行", principal: Money(yuan: 5_000_000), contractNumber: "GD-2024-001")])])
        let b = ProjectFile(enterprise: F.enterprise(2), projects: [F.project("B", loans: [
            Loan(id: "L9", lender: "工商银行上海分行", principal: Money(yuan: 5_000_000), contractNumber: "gd2024001")])])
        let flags = try F.scanner().scan(RiskPopulation([a, b]))
        #expect(flags.map(\.kind) == [.sameContract, .sameContract])
        let onB = try #require(flags.first { $0.project == F.ref(2, "B") })
        #expect(onB.partners == [F.ref(1, "A")])
        #expect(onB.fact("contractNumber") == "GD2024001")
        #expect(onB.fact("contractKind") == "loan")
    }

    @Test func theSameNumberWithAnotherLenderIsAnotherContract() throws {
        let a = ProjectFile(enterprise: F.enterprise(1), projects: [F.project("A", loans: [
            Loan(id: "L1", lender: "工商银行", principal: Money(yuan: 1), contractNumber: "001")])])
        let b = ProjectFile(enterprise: F.enterprise(2), projects: [F.project("B", loans: [
            Loan(id: "L1", lender: "建设银行", principal: Money(yuan: 1), contractNumber: "001")])])
        #expect(try F.scanner().scan(RiskPopulation([a, b])).isEmpty)
    }

    @Test func twiceInOneProjectNamesTheProjectItself() throws {
        var p = F.project("A", loans: [])
        p.certifications = [CertificationContract(productId: "NM1", kind: .certification, amount: Money(yuan: 1), contractNumber: "RZ-7"),
                            CertificationContract(productId: "NM2", kind: .testing, amount: Money(yuan: 1), contractNumber: "RZ7")]
        let flags = try F.scanner().scan(RiskPopulation([ProjectFile(enterprise: F.enterprise(1), projects: [p])]))
        #expect(flags.count == 1)
        #expect(flags.first?.partners == [F.ref(1, "A")])
    }
}
