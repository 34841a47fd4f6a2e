@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting
import Workflow

/// The innovative-product catalogue (十七) through the API, on SQLite and PostgreSQL: a product
/// from submission through expert review and a committee vote with members recused (by
/// affiliation and by declaration) to publication; a project buying it matched under 17a with
/// the entry cited; a project naming an expired and one naming an unknown product told why;
/// the recused member's vote refused; the catalogue exported and imported. Every role ×
/// operation is `RoleOperationTests`' (on records `roleRecords` makes).
@Suite struct CatalogueAPITests {
    static let codeA = RoleOperationTests.World.codeA
    static let codeB = RoleOperationTests.World.codeB

    struct Callers {
        var tokens: [String: String] = [:]
        func caller(_ name: String?) -> Caller { name.flatMap { tokens[$0] }.map { .bearer($0) } ?? .anonymous }

        static let accounts: [(name: String, role: Role, enterpriseCode: String?)] = [
            ("cat.ent", .enterprise, codeA), ("cat.other", .enterprise, codeB), ("cat.city", .cityOfficer, nil),
            ("cat.dept", .department, nil), ("cat.bank", .bank, nil),
            ("cat.m1", .department, nil), ("cat.m2", .department, nil), ("cat.m3", .cityOfficer, nil),
            ("cat.m4", .department, nil), ("cat.m5", .department, nil),
        ]

        static func make(_ app: Application) async throws -> Callers {
            var c = Callers()
            for a in accounts {
                c.tokens[a.name] = try await TestAccounts.token(app, role: a.role, enterpriseCode: a.enterpriseCode, username: a.name)
            }
            return c
        }
    }

    static func message(_ body: [String: Any]) -> (zh: String, en: String) {
        let m = body["message"] as? [String: Any]
        return (m?["zh"] as? String ?? "", m?["en"] as? String ?? "")
    }

    static func submission(_ code: String, name: String, special: Bool = false) -> String {
        #"{"creditCode": "\#(code)", "category": "equipment", "name": "\#(name)", "firstOnMarketDate": "2024-03-01", "claimedEspeciallyInnovative": \#(special), "description": "国产首台套测试设备"}"#
    }

    static let review = #"{"conclusion": "pass", "opinions": [{"expert": "专家甲", "verdict": "support"}, {"expert": "专家乙", "verdict": "support"}, {"expert": "专家丙", "verdict": "oppose", "comments": "需补充可靠性数据"}]}"#

    /// Registers A and B, appoints m1–m5 to the committee (m4 affiliated with A).
    static func world(_ app: Application) async throws -> Callers {
        for (code, district) in [(codeA, "pudong"), (codeB, "minhang")] {
            let r = try await app.call(.POST, "api/enterprises", json: RoleOperationTests.World.enterprise(code, district))
            #expect(r.status == .created, "\(r.raw)")
        }
        let callers = try await Callers.make(app)
        for m in ["cat.m1", "cat.m2", "cat.m3", "cat.m4", "cat.m5"] {
            let affiliations = m == "cat.m4" ? #"["\#(codeA)"]"# : "[]"
            let r = try await app.call(.POST, "api/catalogue/committee", json: #"{"username": "\#(m)", "action": "appoint", "affiliations": \#(affiliations)}"#,
                                       as: callers.caller("cat.city"))
            #expect(r.status == .created, "\(r.raw)")
        }
        return callers
    }

    /// A product of `code` through review and the committee to publication; its number.
    static func published(_ app: Application, _ callers: Callers, code: String = codeA, submitter: String = "cat.ent", name: String) async throws -> String {
        let s = try await app.call(.POST, "api/catalogue/products", json: submission(code, name: name), as: callers.caller(submitter))
        #expect(s.status == .created, "\(s.raw)")
        let number = try #require(s.body["number"] as? String)
        #expect(try await app.call(.POST, "api/catalogue/products/\(number)/reviews", json: review, as: callers.caller("cat.dept")).status == .created)
        for m in ["cat.m1", "cat.m2", "cat.m3"] {
            let v = try await app.call(.POST, "api/catalogue/products/\(number)/votes", json: #"{"vote": "approve"}"#, as: callers.caller(m))
            #expect(v.status == .created, "\(v.raw)")
        }
        let p = try await app.call(.POST, "api/catalogue/products/\(number)/publish", as: callers.caller("cat.city"))
        #expect(p.status == .ok && p.body["status"] as? String == "published", "\(p.raw)")
        return number
    }

    /// A project of A whose loan, disbursed `start`, buys `product`.
    static func project(product: String, start: Day, id: String = "CAT-1") -> String {
        #"""
        {"id": "\#(id)", "name": "购买目录产品", "categories": ["equipment-renewal"], "startDate": "\#(start)",
           "investment": {"declared": "12000000"},
           "loans": [{"id": "L1", "lender": "上海测试银行", "principal": "10000000", "startDate": "\#(start)",
             "interestPaid": {"\#(start.year)": "300000"}, "catalogueProductId": "\#(product)", "firstOnMarket": true}]}
        """#
    }

    /// The same as a project file of A.
    static func projectFile(product: String, start: Day) -> String {
        #"{"enterprise": {"creditCode": "\#(codeA)", "name": "测试企业", "district": "pudong", "industryCode": "C3484"}, "projects": [\#(project(product: product, start: start))]}"#
    }

    /// The 17a line of the plan's only project, and its loan's catalogue condition.
    static func loan17a(_ raw: String) throws -> (status: String?, condition: [String: Any]?) {
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any])
        let project = try #require((plan["projects"] as? [[String: Any]])?.first)
        let line = try #require((project["instruments"] as? [[String: Any]])?.first { $0["id"] as? String == "17a" })
        let unit = (line["units"] as? [[String: Any]])?.first
        let condition = (unit?["conditions"] as? [[String: Any]])?.first { $0["id"] as? String == "catalogue-first-on-market" }
        return (line["status"] as? String, condition)
    }

    @Test(arguments: TestDatabase.all)
    func fromSubmissionThroughTheCommitteeToAPlan(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let callers = try await Self.world(app)
            let as_ = callers.caller

            // Before any listing the declarations stand: 17a matches on the file's word.
            let today = Day(iso: try #require(try await app.call(.POST, "api/catalogue/products", json: Self.submission(Self.codeA, name: "高精度五轴加工中心"),
                                                                  as: as_("cat.ent")).body["submittedOn"] as? String))!
            let number = "CP-\(today.year)-000001"
            let before = try await app.call(.POST, "api/match", json: Self.projectFile(product: number, start: today), as: .anonymous)
            #expect(try Self.loan17a(before.raw).status == "matched")

            // Submission: the enterprise's own only; read by it, not by another enterprise (404).
            #expect(try await app.call(.POST, "api/catalogue/products", json: Self.submission(Self.codeB, name: "他人产品"), as: as_("cat.ent")).status == .forbidden)
            let bad = try await app.call(.POST, "api/catalogue/products",
                                         json: #"{"creditCode": "\#(Self.codeA)", "category": "equipment", "name": "x", "firstOnMarketDate": "2999-01-01", "claimedEspeciallyInnovative": false, "description": ""}"#,
                                         as: as_("cat.ent"))
            #expect(bad.status == .unprocessableEntity && CommitmentAPITests.paths(bad.body) == ["$.firstOnMarketDate"], "\(bad.raw)")
            // A category outside the policy library's (workflow/catalogue.yaml) is refused, by path.
            let odd = try await app.call(.POST, "api/catalogue/products",
                                         json: #"{"creditCode": "\#(Self.codeA)", "category": "toys", "name": "x", "firstOnMarketDate": "2024-03-01", "claimedEspeciallyInnovative": false, "description": ""}"#,
                                         as: as_("cat.ent"))
            #expect(odd.status == .unprocessableEntity && CommitmentAPITests.paths(odd.body) == ["$.category"], "\(odd.raw)")
            #expect(try await app.call(.GET, "api/catalogue/products/\(number)", as: as_("cat.ent")).status == .ok)
            #expect(try await app.call(.GET, "api/catalogue/products/\(number)", as: as_("cat.other")).status == .notFound)
            #expect(try await app.call(.GET, "api/catalogue/products/\(number)", as: as_("cat.bank")).status == .notFound)

            // The committee before the review: not yet.
            let early = try await app.call(.POST, "api/catalogue/products/\(number)/votes", json: #"{"vote": "approve"}"#, as: as_("cat.m1"))
            #expect(early.status == .conflict && Self.message(early.body).en == "the product is submitted; it cannot vote in the committee now")
            // Too few opinions: 422 at $.opinions.
            let thin = try await app.call(.POST, "api/catalogue/products/\(number)/reviews",
                                          json: #"{"conclusion": "pass", "opinions": [{"expert": "专家甲", "verdict": "support"}]}"#, as: as_("cat.dept"))
            #expect(thin.status == .unprocessableEntity && CommitmentAPITests.paths(thin.body) == ["$.opinions"], "\(thin.raw)")
            let reviewed = try await app.call(.POST, "api/catalogue/products/\(number)/reviews", json: Self.review, as: as_("cat.dept"))
            #expect(reviewed.status == .created && reviewed.body["status"] as? String == "in_committee", "\(reviewed.raw)")

            // m4 is of A's group: recused, the vote refused (409, both languages). m5 declares a
            // conflict, then cannot vote. The department that is no member cannot vote either.
            let m4 = try await app.call(.POST, "api/catalogue/products/\(number)/votes", json: #"{"vote": "approve"}"#, as: as_("cat.m4"))
            #expect(m4.status == .conflict, "\(m4.raw)")
            #expect(Self.message(m4.body).en.hasPrefix("a recused member cannot vote"))
            #expect(Self.message(m4.body).zh.hasPrefix("回避的成员不能表决"))
            let declared = try await app.call(.POST, "api/catalogue/products/\(number)/recusals", json: #"{"reason": "曾为该企业提供咨询"}"#, as: as_("cat.m5"))
            #expect(declared.status == .created, "\(declared.raw)")
            let m5 = try await app.call(.POST, "api/catalogue/products/\(number)/votes", json: #"{"vote": "reject"}"#, as: as_("cat.m5"))
            #expect(m5.status == .conflict && Self.message(m5.body).zh.contains("曾为该企业提供咨询"))
            let outsider = try await app.call(.POST, "api/catalogue/products/\(number)/votes", json: #"{"vote": "approve"}"#, as: as_("cat.dept"))
            #expect(outsider.status == .conflict && Self.message(outsider.body).en.contains("not a member"))
            #expect(try await app.call(.POST, "api/catalogue/products/\(number)/votes", json: #"{"vote": "approve"}"#, as: as_("cat.ent")).status == .forbidden)

            // Two votes: no quorum yet (409 with the count); the third makes it.
            for m in ["cat.m1", "cat.m2"] {
                #expect(try await app.call(.POST, "api/catalogue/products/\(number)/votes", json: #"{"vote": "approve"}"#, as: as_(m)).status == .created)
            }
            let twice = try await app.call(.POST, "api/catalogue/products/\(number)/votes", json: #"{"vote": "reject"}"#, as: as_("cat.m1"))
            #expect(twice.status == .conflict)
            let noQuorum = try await app.call(.POST, "api/catalogue/products/\(number)/publish", as: as_("cat.city"))
            #expect(noQuorum.status == .conflict && Self.message(noQuorum.body).en.hasPrefix("no quorum: 2 votes cast"), "\(noQuorum.raw)")
            let third = try await app.call(.POST, "api/catalogue/products/\(number)/votes", json: #"{"vote": "reject", "comment": "价格偏高"}"#, as: as_("cat.m3"))
            #expect(third.status == .created)
            let tally = third.body["tally"] as? [String: Any]
            #expect(tally?["members"] as? Int == 5 && tally?["recused"] as? Int == 2 && tally?["approve"] as? Int == 2 && tally?["outcome"] as? String == "approved")
            #expect((third.body["recusals"] as? [[String: Any]])?.count == 2)

            let published = try await app.call(.POST, "api/catalogue/products/\(number)/publish", as: as_("cat.city"))
            #expect(published.status == .ok && published.body["status"] as? String == "published", "\(published.raw)")
            let listing = try #require((published.body["listings"] as? [[String: Any]])?.first)
            #expect(listing["edition"] as? Int == 1 && listing["validFrom"] as? String == today.iso && listing["listedToday"] as? Bool == true)
            #expect(listing["markCode"] as? String == "SHCX-\(today.year)-000001")
            #expect(listing["votesApprove"] as? Int == 2 && listing["votesReject"] as? Int == 1 && listing["recused"] as? Int == 2)
            // Now public to every account, and searchable.
            #expect(try await app.call(.GET, "api/catalogue/products/\(number)", as: as_("cat.bank")).status == .ok)
            let search = try await app.call(.GET, "api/catalogue/products?q=%E4%BA%94%E8%BD%B4&status=published", as: as_("cat.other"))
            #expect(search.body["total"] as? Int == 1, "\(search.raw)")

            // A project buying it: 17a, with the entry cited.
            let plan = try await app.call(.POST, "api/match", json: Self.projectFile(product: number, start: today), as: .anonymous)
            #expect(plan.status == .ok, "\(plan.raw)")
            let (status, condition) = try Self.loan17a(plan.raw)
            #expect(status == "matched")
            let cited = condition?["catalogueEntry"] as? [String: Any]
            #expect(cited?["productId"] as? String == number && cited?["edition"] as? Int == 1 && cited?["validFrom"] as? String == today.iso)

            // An unknown product: told why.
            let unknown = try await app.call(.POST, "api/match", json: Self.projectFile(product: "CP-1999-999999", start: today), as: .anonymous)
            let u = try Self.loan17a(unknown.raw)
            #expect(u.status == "not_matched")
            #expect((u.condition?["detail"] as? [String: Any])?["en"] as? String == "product CP-1999-999999 is not in the catalogue")

            // A second product, published then ended today: a loan from today is told it expired yesterday.
            let second = try await Self.published(app, callers, name: "智能巡检机器人")
            #expect(try await app.call(.POST, "api/catalogue/products/\(second)/expire", json: #"{"reason": "企业申请退出"}"#, as: as_("cat.m1")).status == .forbidden)
            let ended = try await app.call(.POST, "api/catalogue/products/\(second)/expire", json: #"{"reason": "企业申请退出"}"#, as: as_("cat.city"))
            #expect(ended.status == .ok && ended.body["status"] as? String == "expired", "\(ended.raw)")
            let expired = try await app.call(.POST, "api/match", json: Self.projectFile(product: second, start: today), as: .anonymous)
            let e = try Self.loan17a(expired.raw)
            #expect(e.status == "not_matched")
            let yesterday = today.adding(days: -1)
            #expect((e.condition?["detail"] as? [String: Any])?["en"] as? String
                    == "product \(second) is not in the catalogue on \(today): its listing expired on \(yesterday) (edition 1, \(today) to \(CatalogueListingWindow.lastDay(from: today, years: 3)))")
            #expect(((e.condition?["detail"] as? [String: Any])?["zh"] as? String)?.contains("到期") == true)

            // An application follows the catalogue too: 17a for the listed product, not for the ended one.
            for (product, code, expected) in [(number, "APP-LISTED", HTTPStatus.created), (second, "APP-ENDED", .unprocessableEntity)] {
                let stored = try await app.call(.POST, "api/projects", json: #"{"creditCode": "\#(Self.codeA)", "project": \#(Self.project(product: product, start: today, id: code))}"#)
                let projectID = try #require(stored.body["id"] as? String, "\(stored.raw)")
                let applied = try await app.call(.POST, "api/applications", json: #"{"projectId": "\#(projectID)", "instruments": ["17a"]}"#, as: as_("cat.ent"))
                #expect(applied.status == expected, "\(product): \(applied.raw)")
                if expected == .unprocessableEntity { #expect(CommitmentAPITests.paths(applied.body) == ["$.instruments[0]"]) }
            }

            // Renewed: listed again, edition 2, from today.
            let renewed = try await app.call(.POST, "api/catalogue/products/\(second)/renew", as: as_("cat.city"))
            #expect(renewed.status == .ok && (renewed.body["listings"] as? [[String: Any]])?.count == 2, "\(renewed.raw)")
            #expect(try Self.loan17a(try await app.call(.POST, "api/match", json: Self.projectFile(product: second, start: today), as: .anonymous).raw).status == "matched")

            // The audit trail has each step.
            let audit = try await app.call(.GET, "api/audit?limit=1000")
            let entries = (try? JSONSerialization.jsonObject(with: Data(audit.raw.utf8))) as? [[String: Any]] ?? []
            let actions = entries.compactMap { $0["action"] as? String }
            for action in ["catalogue.submit", "catalogue.review", "catalogue.recuse", "catalogue.vote", "catalogue.publish", "catalogue.expire",
                           "catalogue.renew", "catalogue.committee.appoint"] {
                #expect(actions.contains(action), "audit has \(action)")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func theCatalogueExportsAndImportsWithRowErrors(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let callers = try await Self.world(app)
            _ = try await Self.published(app, callers, name: "导出测试产品")
            var csv = ""
            try await app.testing().test(.GET, "api/catalogue/export?format=csv", headers: callers.caller("cat.bank").headers(app)) { res in
                #expect(res.status == .ok)
                csv = res.body.string
            }
            #expect(csv.contains("productId,name,enterpriseCode"))
            #expect(csv.contains("导出测试产品"))

            func upload(_ text: String) async throws -> (HTTPStatus, [String: Any]) {
                var status: HTTPStatus = .ok
                var body: [String: Any] = [:]
                var headers = callers.caller("cat.city").headers(app)
                headers.replaceOrAdd(name: .contentType, value: "text/csv")
                try await app.testing().test(.POST, "api/catalogue/imports", headers: headers, body: ByteBuffer(string: text)) { res in
                    status = res.status
                    body = (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8))) as? [String: Any] ?? [:]
                }
                return (status, body)
            }
            let header = "productId,name,enterpriseCode,category,edition,publishedOn,validFrom,validUntil,firstOnMarket,especiallyInnovative\n"
            let (badStatus, badBody) = try await upload(header + "SH-CX-2023-0001,旧目录产品,,equipment,1,2023-05-01,2023-05-01,2026-04-30,true,false\n"
                                                        + "SH-CX-2023-0002,,,equipment,1,2023-05-01,2023-13-01,2026-04-30,maybe,false\n")
            #expect(badStatus == .unprocessableEntity)
            #expect(Set(CommitmentAPITests.paths(badBody)) == ["row 3, column name", "row 3, column validFrom", "row 3, column firstOnMarket"])
            let (okStatus, okBody) = try await upload(header + "SH-CX-2023-0001,旧目录产品,,equipment,1,2023-05-01,2023-05-01,2026-04-30,true,false\n")
            #expect(okStatus == .ok && okBody["products"] as? Int == 1 && okBody["listings"] as? Int == 1, "\(okBody)")
            // The same edition again: refused whole, nothing stored.
            let (againStatus, _) = try await upload(header + "SH-CX-2023-0001,旧目录产品,,equipment,1,2023-05-01,2023-05-01,2026-04-30,true,false\n")
            #expect(againStatus == .unprocessableEntity)
            #expect(try await app.call(.GET, "api/catalogue/products/SH-CX-2023-0001", as: callers.caller("cat.other")).status == .ok)
        }
    }

    /// For `RoleOperationTests`: A's product before the committee (no member appointed: a vote
    /// or a recusal is 409, the rule let it through), B's submitted one, and a published one of
    /// A's (imported).
    struct RoleRecords: Sendable {
        let inCommitteeA: String, submittedB: String, publishedA: String
    }

    static func roleRecords(_ app: Application, codeA: String, codeB: String) async throws -> RoleRecords {
        let store = CatalogueStore(db: app.db, rules: app.workflowLibrary.catalogue)
        let day = Day.today()
        let actor = AuditActor(userID: nil, name: "test", address: nil)
        func submit(_ code: String, _ name: String) async throws -> CatalogueProductModel {
            try await store.submit(CatalogueSubmission(creditCode: code, category: "equipment", name: name, firstOnMarketDate: Day(iso: "2024-01-01")!,
                                                       claimedEspeciallyInnovative: false, description: ""), on: day, by: actor)
        }
        let a = try await submit(codeA, "甲产品")
        _ = try await store.review(a.number, pass: true, opinions: (1...3).map { ExpertOpinion(expert: "专家\($0)", verdict: "support") },
                                   on: day, role: .cityOfficer, by: actor)
        let b = try await submit(codeB, "乙产品")
        let listed = CatalogueEntry(productId: "SH-ROLE-A", name: "丙产品", enterpriseCode: codeA, category: "equipment", publishedOn: day,
                                    validFrom: day, validUntil: CatalogueListingWindow.lastDay(from: day, years: 3), firstOnMarket: true,
                                    especiallyInnovative: false, markCode: "SHCX-ROLE-1")
        _ = try await store.importEntries([listed], on: day, by: actor)
        return RoleRecords(inCommitteeA: a.number, submittedB: b.number, publishedA: "SH-ROLE-A")
    }
}
