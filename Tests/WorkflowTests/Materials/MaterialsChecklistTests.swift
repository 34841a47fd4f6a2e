import Testing
import Policy
@testable import Workflow

@Suite struct MaterialsChecklistTests {
    let m = Fixtures.workflow.materials

    @Test func theUnionInOrderOfFirstAppearance() {
        let ids = m.items(for: ["17a", "7a"]).map(\.id)
        #expect(ids.prefix(5) == ["application-form", "business-licence", "credit-commitment", "audited-financials", "tax-compliance"])
        #expect(ids.count == Set(ids).count)
        #expect(ids.firstIndex(of: "catalogue-listing")! < ids.firstIndex(of: "project-filing")!)
    }

    @Test func financingInstrumentsAskForTheirContract() {
        for (instrument, contract) in [("7a", "loan-contract"), ("17a", "loan-contract"), ("7b", "lease-contract"), ("17b", "lease-contract")] {
            #expect(m.instruments[instrument]?.contains(contract) == true, "\(instrument)")
            #expect(m.items[contract]?.kind == .critical)
        }
        #expect(m.items["interest-statement"]?.accepted == [.pdf, .xlsx])
    }

    @Test func unknownInstrumentsAskForNothing() {
        #expect(m.items(for: ["99"]).isEmpty)
    }
}
