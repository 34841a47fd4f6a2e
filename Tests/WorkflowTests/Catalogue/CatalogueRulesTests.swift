import Foundation
import Policy
import Testing
@testable import Workflow

/// The catalogue's process as rules over `catalogue.yaml`: who may take which step from which
/// state, the committee's seat (a recused member cannot vote), the quorum and majority, the
/// listing's windows.
@Suite struct CatalogueRulesTests {
    static let rules = CatalogueRules(minExpertOpinions: 3, quorumVotes: 3, quorumShare: .init(2, 3), majority: .init(2, 3),
                                      validityYears: 3, renewalYears: 3, firstOnMarketWithinYears: 3, markPrefix: "SHCX")

    @Test func theShippedFileLoads() throws {
        let w = try WorkflowLibrary.loadDefault(policy: Fixtures.policy)
        #expect(w.catalogue.clause == "十七")
        #expect(w.catalogue.quorumVotes == 3)
        #expect(w.catalogue.majority == .init(2, 3))
        #expect(w.catalogue.validityYears == 3)
        #expect(w.catalogue.markPrefix == "SHCX")
    }

    @Test func stepsHaveTheirRolesAndStates() {
        #expect(CatalogueStep.review.refusal(in: .submitted, by: .department) == nil)
        #expect(CatalogueStep.review.refusal(in: .submitted, by: .enterprise)?.en == "the role enterprise user cannot record the expert review")
        #expect(CatalogueStep.vote.refusal(in: .submitted, by: .cityOfficer)?.en == "the product is submitted; it cannot vote in the committee now")
        #expect(CatalogueStep.publish.refusal(in: .inCommittee, by: .cityOfficer) == nil)
        #expect(CatalogueStep.publish.refusal(in: .inCommittee, by: .administrator) != nil)
        #expect(CatalogueStep.renew.refusal(in: .expired, by: .cityOfficer) == nil)
        #expect(CatalogueStep.expire.refusal(in: .expired, by: .cityOfficer) != nil)
        #expect(CatalogueStep.review.refusal(in: .rejected, by: .cityOfficer)?.zh == "产品“未通过”，不能记录专家评审意见")
    }

    @Test func aMemberOfTheSubmittingEnterpriseIsRecused() {
        let member = CommitteeMember(username: "expert.a", affiliations: ["91310115MA1K4ABCDD"])
        #expect(CommitteeSeat.of(member: member, productEnterprise: "91310000000000000X", declaredRecusal: nil) == .mayVote)
        let seat = CommitteeSeat.of(member: member, productEnterprise: "91310115MA1K4ABCDD", declaredRecusal: nil)
        #expect(seat.refusal?.en.hasPrefix("a recused member cannot vote: recused: the member is of, or related to, the submitting enterprise") == true)
        #expect(seat.refusal?.zh.hasPrefix("回避的成员不能表决") == true)
        let declared = CommitteeSeat.of(member: member, productEnterprise: "91310000000000000X", declaredRecusal: "曾任该企业顾问")
        #expect(declared.refusal?.zh.contains("曾任该企业顾问") == true)
        #expect(CommitteeSeat.of(member: nil, productEnterprise: "X", declaredRecusal: nil) == .notAMember)
    }

    @Test func quorumAndMajorityAreExactShares() {
        // Five members, one recused: four seated; 3 of 4 voting meets 2/3 and the 3 votes minimum.
        var t = CommitteeTally.count(members: 5, recused: 1, approve: 2, reject: 1, rules: Self.rules)
        #expect(t.outcome == .approved)
        // 2 approve of 3 cast is exactly 2/3: reached ("at least").
        t = CommitteeTally.count(members: 4, recused: 0, approve: 2, reject: 1, rules: Self.rules)
        #expect(t.outcome == .approved)
        t = CommitteeTally.count(members: 4, recused: 0, approve: 1, reject: 2, rules: Self.rules)
        #expect(t.outcome == .rejected)
        // Two votes are below the minimum of three, whatever the share.
        t = CommitteeTally.count(members: 3, recused: 1, approve: 2, reject: 0, rules: Self.rules)
        #expect(t.outcome == .noQuorum)
        #expect(t.noQuorum(rules: Self.rules).en == "no quorum: 2 votes cast; at least 3 are needed, and at least 2/3 of the 2 members not recused")
        // Three of nine seated is below 2/3.
        t = CommitteeTally.count(members: 9, recused: 0, approve: 3, reject: 0, rules: Self.rules)
        #expect(t.outcome == .noQuorum)
    }

    @Test func listingWindows() {
        let d = { (s: String) in Day(iso: s)! }
        #expect(CatalogueListingWindow.first(publishedOn: d("2025-03-01"), rules: Self.rules) == (d("2025-03-01"), d("2028-02-29")))
        #expect(CatalogueListingWindow.lastDay(from: d("2024-02-29"), years: 1) == d("2025-02-27"))
        // Renewed while listed: the next period follows on; renewed after the end: from the day.
        #expect(CatalogueListingWindow.renewal(after: d("2028-02-29"), on: d("2027-12-01"), rules: Self.rules) == (d("2028-03-01"), d("2031-02-28")))
        #expect(CatalogueListingWindow.renewal(after: d("2025-02-28"), on: d("2025-06-10"), rules: Self.rules) == (d("2025-06-10"), d("2028-06-09")))
        #expect(CatalogueListingWindow.firstOnMarket(since: d("2023-01-01"), publishedOn: d("2025-03-01"), rules: Self.rules))
        #expect(!CatalogueListingWindow.firstOnMarket(since: d("2021-01-01"), publishedOn: d("2025-03-01"), rules: Self.rules))
        #expect(CatalogueMarkCode.code(prefix: "SHCX", year: 2025, serial: 42) == "SHCX-2025-000042")
    }

    @Test func fractionsAreRead() {
        #expect(CatalogueRules.Fraction(text: "2/3") == .init(2, 3))
        #expect(CatalogueRules.Fraction(text: "3/2") == nil)
        #expect(CatalogueRules.Fraction(text: "0.66") == nil)
    }
}
