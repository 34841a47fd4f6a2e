import Foundation
import Policy
import Registry
import Workflow

/// The demonstration's catalogue (十七): a listing for each product the demo loans name — about
/// three in four listed now, the rest expired (a project naming one is told so) — filled up to a
/// few dozen products; the city officer and the departments' demo accounts on the committee; and
/// two submissions of the first enterprise, one waiting for its review, one before the committee.
struct DemoCatalogue {
    let store: CatalogueStore
    let actor: AuditActor

    struct Outcome {
        var listed = 0, expired = 0, submissions = 0
    }

    func make(products named: [String], firstEnterprise: String, committee: [String], today: Day) async throws -> Outcome {
        var outcome = Outcome()
        var ids = Array(Set(named)).sorted()
        var k = 0
        while ids.count < 36 { k += 1; ids.append("CX-DEMO-\(String(format: "%03d", k))") }
        var entries: [CatalogueEntry] = []
        let now = Day(iso: "2024-06-01")!, before = Day(iso: "2021-06-01")!
        for (i, id) in ids.prefix(max(36, min(ids.count, 200))).enumerated() {
            // Every fourth expired on 2024-05-31: a loan of 2024 or later naming it is told why.
            let expired = i % 4 == 3
            let from = expired ? before : now
            entries.append(CatalogueEntry(productId: id, name: "演示创新产品 \(id)（演示数据）", category: ["equipment", "software", "material"][i % 3],
                                          edition: 1, publishedOn: from, validFrom: from,
                                          validUntil: CatalogueListingWindow.lastDay(from: from, years: 3),
                                          firstOnMarketDate: from.adding(days: -200), firstOnMarket: i % 5 != 4, especiallyInnovative: i % 6 == 0,
                                          markCode: CatalogueMarkCode.code(prefix: "SHCX", year: from.year, serial: i + 1)))
            if expired { outcome.expired += 1 } else { outcome.listed += 1 }
        }
        _ = try await store.importEntries(entries, on: today, by: actor)
        for username in committee {
            _ = try await store.changeCommittee(username: username, appoint: true, affiliations: [], on: today, by: actor)
        }
        let waiting = try await store.submit(CatalogueSubmission(creditCode: firstEnterprise, category: "equipment", name: "（演示）智能焊接机器人",
                                                                 firstOnMarketDate: today.adding(days: -120), claimedEspeciallyInnovative: false,
                                                                 description: "演示数据：待专家评审"), on: today, by: actor)
        let before_ = try await store.submit(CatalogueSubmission(creditCode: firstEnterprise, category: "equipment", name: "（演示）高精度激光测量仪",
                                                                 firstOnMarketDate: today.adding(days: -300), claimedEspeciallyInnovative: true,
                                                                 description: "演示数据：编审委员会审议中"), on: today, by: actor)
        _ = try await store.review(before_.number, pass: true, opinions: (1...3).map { ExpertOpinion(expert: "演示专家\($0)", verdict: "support") },
                                   on: today, role: .cityOfficer, by: actor)
        _ = waiting
        outcome.submissions = 2
        return outcome
    }
}
