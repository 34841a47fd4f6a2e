@testable import App
import Foundation
import Policy
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting
import Workflow

/// Applications through the API, as the people of the platform use it.
@Suite struct ApplicationAPITests {
    static func pdf() -> String { "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n" }
    static func xlsx() -> String { "PK\u{03}\u{04}....[Content_Types].xml....xl/workbook.xml...." }

    /// Stores the example's first project for the enterprise (as the administrator) and answers its id.
    static func storeProject(_ app: Application, creditCode: String, code: String = "P-APP-\(UUID().uuidString.prefix(6))") async throws -> String {
        var project = (try Fixtures.example("enterprise-plan.json")["projects"] as! [[String: Any]])[0]
        project["id"] = code
        let r = try await app.call(.POST, "api/projects", json: try Fixtures.json(["creditCode": creditCode, "project": project]))
        return try #require(r.body["id"] as? String, "\(r.raw)")
    }

    static func upload(_ app: Application, _ caseID: String, item: String, content: String, as token: String) async throws -> (HTTPStatus, [String: Any]) {
        var headers = Caller.bearer(token).headers(app)
        headers.replaceOrAdd(name: .contentType, value: "application/octet-stream")
        var status: HTTPStatus = .ok, raw = ""
        try await app.testing().test(.POST, "api/applications/\(caseID)/materials?item=\(item)&fileName=\(item).bin", headers: headers,
                                     body: ByteBuffer(string: content)) { res in status = res.status; raw = res.body.string }
        return (status, (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any] ?? [:])
    }

    static func content(for item: [String: Any]) -> String {
        let accepted = item["accepted"] as? [String] ?? []
        return accepted.contains("pdf") ? pdf() : accepted.contains("xlsx") ? xlsx() : "\u{89}PNG\r\n\u{1A}\n"
    }

    /// A draft for a new project of the enterprise.
    static func draft(_ app: Application, creditCode: String, enterprise: String) async throws -> String {
        let project = try await storeProject(app, creditCode: creditCode)
        let r = try await app.call(.POST, "api/applications", json: #"{"projectId": "\#(project)"}"#, as: .bearer(enterprise))
        #expect(r.status == .created, "\(r.raw)")
        return try #require(r.body["id"] as? String)
    }

    /// A case under review: every material in, accepted, sent to the departments. Answers the case and one material.
    static func caseUnderReview(_ app: Application, creditCode: String, enterprise: String, officer: String) async throws -> (String, String) {
        let id = try await draft(app, creditCode: creditCode, enterprise: enterprise)
        var r = try await app.call(.GET, "api/applications/\(id)", as: .bearer(enterprise))
        var material = ""
        for item in r.body["checklist"] as? [[String: Any]] ?? [] {
            let (status, body) = try await upload(app, id, item: item["item"] as! String, content: content(for: item), as: enterprise)
            #expect(status == .created, "\(body)")
            material = (body["materials"] as? [[String: Any]])?.last?["id"] as? String ?? material
        }
        r = try await app.call(.POST, "api/applications/\(id)/submit", as: .bearer(enterprise))
        #expect(r.status == .ok, "\(r.raw)")
        r = try await app.call(.POST, "api/applications/\(id)/intake", json: #"{"action": "accept"}"#, as: .bearer(officer))
        #expect(r.body["state"] as? String == "accepted", "\(r.raw)")
        r = try await app.call(.POST, "api/applications/\(id)/review", as: .bearer(officer))
        #expect(r.body["state"] as? String == "under_review", "\(r.raw)")
        return (id, material)
    }

    static func projectOf(_ app: Application, _ caseID: String) async throws -> String {
        try await app.call(.GET, "api/applications/\(caseID)").body["projectId"] as? String ?? ""
    }
}

/// Issue 10's story through the API: an administrator makes the accounts; the enterprise applies
/// with one deferrable item missing, is accepted with deficiencies, is reminded (in the platform
/// and by mail), supplies the item; the departments review in parallel, one step passes its
/// target and is escalated; the city officer approves with the policy pinned; a later library
/// with another ratio leaves the decided case as it was; the audit trail has every step.
extension ApplicationAPITests {
    static let code = "91310115MA1K4ABCDD"

    static func signIn(_ app: Application, _ username: String) async throws -> String {
        let r = try await app.call(.POST, "api/tokens", json: #"{"username": "\#(username)", "password": "\#(TestAccounts.password)"}"#, as: .anonymous)
        return try #require(r.body["token"] as? String, "\(r.raw)")
    }

    static func makeUser(_ app: Application, _ username: String, _ fields: String) async throws -> String {
        let r = try await app.call(.POST, "api/users", json: #"{"username": "\#(username)", "password": "\#(TestAccounts.password)", \#(fields)}"#)
        #expect(r.status == .created, "\(r.raw)")
        return try await signIn(app, username)
    }

    static func tick(_ app: Application, on day: String) async {
        app.platformClock = PlatformClock(fixed: Day(iso: day)!)
        // A moment of its own for each tick, so that each is a slot of its own.
        _ = await Scheduler(app: app, serverID: "test").tick(now: Date().addingTimeInterval(Double(Day(iso: day)!.packed % 100_000) * 3600))
    }

    @Test(arguments: TestDatabase.all)
    func theWholeCaseThroughTheAPI(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            let officer = try await Self.makeUser(app, "pudong.officer", #""role": "district_officer", "district": "浦东新区", "email": "pudong@example.gov.cn""#)
            let city = try await Self.makeUser(app, "city.officer", #""role": "city_officer", "email": "city@example.gov.cn""#)
            let enterprise = try await Self.makeUser(app, "pujiang", #""role": "enterprise", "enterpriseCode": "\#(Self.code)", "email": "finance@pujiang.example.com""#)
            var r = try await app.call(.POST, "api/enterprises", json: try Fixtures.json(Fixtures.enterprise), as: .bearer(enterprise))
            #expect(r.status == .created, "\(r.raw)")
            let project = (try Fixtures.example("enterprise-plan.json")["projects"] as! [[String: Any]])[0]
            r = try await app.call(.POST, "api/projects", json: try Fixtures.json(["creditCode": Self.code, "project": project]), as: .bearer(enterprise))
            let projectID = try #require(r.body["id"] as? String)

            // The application, every material in but one deferrable item.
            r = try await app.call(.POST, "api/applications", json: #"{"projectId": "\#(projectID)"}"#, as: .bearer(enterprise))
            #expect(r.status == .created, "\(r.raw)")
            let id = try #require(r.body["id"] as? String)
            let checklist = r.body["checklist"] as? [[String: Any]] ?? []
            let deferred = try #require(checklist.first { $0["critical"] as? Bool == false })
            for item in checklist where item["item"] as? String != deferred["item"] as? String {
                let (status, _) = try await Self.upload(app, id, item: item["item"] as! String, content: Self.content(for: item), as: enterprise)
                #expect(status == .created)
            }
            r = try await app.call(.POST, "api/applications/\(id)/submit", as: .bearer(enterprise))
            #expect(r.body["state"] as? String == "submitted", "\(r.raw)")
            // A department may not take a case in; a city officer of another role may not submit.
            #expect(try await app.call(.POST, "api/applications/\(id)/submit", as: .bearer(city)).status == .forbidden)
            r = try await app.call(.POST, "api/applications/\(id)/intake", json: #"{"action": "accept"}"#, as: .bearer(officer))
            #expect(r.body["state"] as? String == "accepted_with_deficiencies", "\(r.raw)")
            let due = try #require((r.body["deferrals"] as? [[String: Any]])?.first?["due"] as? String)

            // Seven days before the due day, the scheduled work reminds the enterprise: a notice and a mail.
            await Self.tick(app, on: Day(iso: due)!.adding(days: -7).description)
            r = try await app.call(.GET, "api/notices", as: .bearer(enterprise))
            let kinds = (r.body["items"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds.contains("deferral.reminder"), "\(kinds)")
            let mails = try await MailOutbox(db: app.db).recent()
            #expect(mails.contains { $0.to == "finance@pujiang.example.com" && $0.subject.contains("容缺材料即将到期") })

            // The item comes in; the case goes to the departments, in parallel.
            let (status, supplied) = try await Self.upload(app, id, item: deferred["item"] as! String, content: Self.content(for: deferred), as: enterprise)
            #expect(status == .created && supplied["state"] as? String == "accepted", "\(supplied)")
            r = try await app.call(.POST, "api/applications/\(id)/review", as: .bearer(officer))
            let steps = (r.body["review"] as? [String: Any])?["steps"] as? [[String: Any]] ?? []
            #expect(steps.count >= 3, "\(r.raw)")
            var reviewers: [String: String] = [:]
            for step in steps {
                let department = step["department"] as! String
                reviewers[department] = try await Self.makeUser(app, "reviewer.\(department)", #""role": "department", "department": "\#(department)""#)
            }
            let last = steps.last!["department"] as! String
            for step in steps.dropLast() {
                r = try await app.call(.POST, "api/applications/\(id)/opinions", json: #"{"verdict": "approve"}"#, as: .bearer(reviewers[step["department"] as! String]!))
                #expect(r.status == .ok, "\(r.raw)")
            }
            // A reviewer sees the cases sent to it; one not sent to it does not exist for it.
            #expect(try await app.call(.GET, "api/applications?awaiting=\(last)", as: .bearer(reviewers[last]!)).body["total"] as? Int == 1)

            // The last step passes its target: escalated to the city officer, once.
            let lastDue = steps.last!["due"] as! String
            await Self.tick(app, on: Day(iso: lastDue)!.adding(days: 1).description)
            await Self.tick(app, on: Day(iso: lastDue)!.adding(days: 1).description)
            r = try await app.call(.GET, "api/notices", as: .bearer(city))
            let breached = (r.body["items"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "review.breached" }
            #expect(breached.count == 1, "\(r.raw)")
            r = try await app.call(.GET, "api/applications/\(id)", as: .bearer(city))
            let lateStep = ((r.body["review"] as? [String: Any])?["steps"] as? [[String: Any]] ?? []).first { $0["department"] as? String == last }
            #expect(lateStep?["serviceLevel"] as? String == "breached" && lateStep?["escalated"] as? String == "breached")
            r = try await app.call(.POST, "api/applications/\(id)/opinions", json: #"{"verdict": "approve"}"#, as: .bearer(reviewers[last]!))
            #expect(r.body["state"] as? String == "under_review" && (r.body["review"] as? [String: Any])?["outcome"] as? String == "ready_for_decision")

            // Approval above the engine's maximum is refused, by instrument; at it, it stands, pinned.
            let requested = r.body["requested"] as? [[String: Any]] ?? []
            let over = requested.map { #"{"instrument": "\#($0["instrument"]!)", "amount": "999999999"}"# }.joined(separator: ",")
            r = try await app.call(.POST, "api/applications/\(id)/decision", json: #"{"outcome": "approve", "approvedInvestment": "80000000", "granted": [\#(over)]}"#, as: .bearer(city))
            #expect(r.status == .unprocessableEntity, "\(r.raw)")
            let exact = requested.map { #"{"instrument": "\#($0["instrument"]!)", "amount": "\#($0["amount"]!)"}"# }.joined(separator: ",")
            r = try await app.call(.POST, "api/applications/\(id)/decision", json: #"{"outcome": "approve", "approvedInvestment": "80000000", "granted": [\#(exact)]}"#, as: .bearer(city))
            #expect(r.body["state"] as? String == "approved", "\(r.raw)")
            let decision = try #require(r.body["decision"] as? [String: Any])
            #expect(decision["libraryVersion"] as? String == app.libraryVersion)
            #expect((decision["values"] as? [String: Any])?.isEmpty == false)

            // A later library with 7a at 40%: the decided case does not move; the comparison shows the change.
            app.policyLibrary = try ApplicationWorkflowTests.libraryWithRatio(app, "40%")
            app.libraryVersion = "after-the-edit"
            r = try await app.call(.GET, "api/applications/\(id)", as: .bearer(enterprise))
            #expect(NSDictionary(dictionary: r.body["decision"] as? [String: Any] ?? [:]).isEqual(to: decision))
            r = try await app.call(.GET, "api/applications/\(id)/comparison", as: .bearer(city))
            let line7a = (r.body["lines"] as? [[String: Any]] ?? []).first { $0["instrument"] as? String == "7a" }
            #expect(line7a?["maximumThen"] as? String != nil && line7a?["maximumNow"] as? String != line7a?["maximumThen"] as? String, "\(r.raw)")
            #expect(r.body["libraryVersionNow"] as? String == "after-the-edit")

            // The time each department took, with the late step counted over its target.
            r = try await app.call(.GET, "api/reports/review-times", as: .bearer(city))
            let times = try JSONSerialization.jsonObject(with: Data(r.raw.utf8)) as? [[String: Any]] ?? []
            #expect(times.count == steps.count, "\(r.raw)")
            #expect(times.first { $0["department"] as? String == last }?["overTarget"] as? Int == 1)
            #expect(times.filter { $0["department"] as? String != last }.allSatisfy { $0["overTarget"] as? Int == 0 && $0["completed"] as? Int == 1 })

            // The audit trail shows every step, with who did it; the chain holds, until a row is altered.
            r = try await app.call(.GET, "api/applications/\(id)/audit", as: .bearer(city))
            let trail = try JSONSerialization.jsonObject(with: Data(r.raw.utf8)) as? [[String: Any]] ?? []
            let actions = Set(trail.compactMap { $0["action"] as? String })
            for action in ["application.create", "application.material", "application.submit", "application.accept_with_deficiencies",
                           "application.supplement", "application.start_review", "review.opinion", "review.escalate", "application.approve"] {
                #expect(actions.contains(action), "\(action) missing")
            }
            #expect(trail.contains { $0["action"] as? String == "application.submit" && $0["actorName"] as? String == "pujiang" })
            #expect(trail.contains { $0["action"] as? String == "application.approve" && $0["actorName"] as? String == "city.officer" })
            guard case .intact = try await AuditTrail.verify(on: app.db) else { Issue.record("chain broken"); return }
            let sql = app.db as! any SQLDatabase
            try await AuditTrailTests.withoutTriggers(sql) {
                try await sql.raw("UPDATE audit_entries SET actor_name = 'someone' WHERE action = 'application.approve'").run()
            }
            guard case .broken = try await AuditTrail.verify(on: app.db) else { Issue.record("an altered entry went unnoticed"); return }
        }
    }
}
