import Policy
import Testing
@testable import Workflow

/// The shipped fit rules (`resources.yaml`) on a project's facts: a loan need, a lease, a
/// new-material project and its industry.
@Suite struct ResourceFitTests {
    let resources = [
        ResourceFit.ResourceFacts(id: "loan", kind: .financialProduct, productType: "renewal-loan", industries: [], district: nil),
        ResourceFit.ResourceFacts(id: "lease", kind: .financialProduct, productType: "finance-lease", industries: [], district: nil),
        ResourceFit.ResourceFacts(id: "polymers", kind: .pilotBase, productType: nil, industries: ["C26"], district: "jinshan"),
        ResourceFit.ResourceFacts(id: "metals", kind: .pilotBase, productType: nil, industries: ["C31"], district: "baoshan"),
        ResourceFit.ResourceFacts(id: "diagnosis", kind: .serviceProvider, productType: nil, industries: [], district: nil),
    ]

    func offers(_ categories: Set<String>, loan: Bool = false, lease: Bool = false, industry: String = "C2651") -> [String] {
        let p = ResourceFit.ProjectFacts(categories: categories, hasLoan: loan, hasLease: lease, industryCode: industry, district: "pudong")
        return ResourceFit.offers(project: p, resources: resources, rules: Fixtures.workflow.resources).map { "\($0.rule)|\($0.resource)" }
    }

    @Test func eachRuleOffersWhatFitsWithItsReason() {
        #expect(offers(["equipment-renewal"], loan: true) == ["loan-need|loan"])
        #expect(offers(["equipment-renewal"], lease: true) == ["lease-need|lease"])
        #expect(offers(["technical-renovation"]) == ["loan-need|loan", "lease-need|lease", "smart-factory-diagnosis|diagnosis"])
        #expect(offers(["new-material-certification"]) == ["new-material-pilot|polymers"])
        #expect(offers(["first-batch"], industry: "C3130") == ["new-material-pilot|metals"])
        #expect(offers(["key-software-purchase"]).isEmpty)
        let p = ResourceFit.ProjectFacts(categories: ["new-material-certification"], hasLoan: false, hasLease: false, industryCode: "C2651", district: "pudong")
        let reason = ResourceFit.offers(project: p, resources: resources, rules: Fixtures.workflow.resources).first?.reason
        #expect(reason?.zh.contains("C26") == true && reason?.en.contains("serves industry C26") == true)
    }

    @Test func theRulesNameKnownCategoriesAndProductTypes() {
        let rules = Fixtures.workflow.resources
        #expect(rules.productTypes.map(\.id) == ["renewal-loan", "technical-renovation-loan", "equipment-loan", "finance-lease"])
        #expect(rules.fits.map(\.id) == ["loan-need", "lease-need", "new-material-pilot", "smart-factory-diagnosis"])
    }
}
