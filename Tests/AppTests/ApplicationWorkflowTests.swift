import App
import Fluent
import Foundation
import Policy
import Registry
import SQLKit
import Testing
import Vapor
import Workflow

/// An application's whole way through the registry, on the workflow's rules: 容缺受理 with a
/// reminder, the deferred item supplied, parallel review with an escalation, approval pinned to
/// its policy, which a later change of the library does not move.
@Suite struct ApplicationWorkflowTests {
    static let enterprise = AuditActor(userID: UUID(), name: "pudong-enterprise", address: "10.0.0.1")
    static let officer = AuditActor(userID: UUID(), name: "pudong-officer", address: "10.0.0.2")
    static let city = AuditActor(userID: UUID(), name: "city-officer", address: "10.0.0.3")

    static func pdf() -> Data { Data("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".utf8) }
    static func xlsx() -> Data { Data("PK\u{03}\u{04}....[Content_Types].xml....xl/workbook.xml....".utf8) }
    static func file(for item: MaterialItem) -> Data {
        item.accepted.contains(.pdf) ? pdf() : item.accepted.contains(.xlsx) ? xlsx() : Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])
    }

    static func store(_ app: Application, library: PolicyLibrary? = nil, version: String = "v1") throws -> ApplicationStore {
        let library = library ?? app.policyLibrary
        return ApplicationStore(db: app.db, engine: Engine(library: library), workflow: try WorkflowLibrary.loadDefault(policy: library),
                                libraryVersion: version)
    }

    static func exampleFile(_ app: Application) throws -> ProjectFile {
        let text = try String(contentsOf: Fixtures.repo.appendingPathComponent("Examples/enterprise-plan.json"), encoding: .utf8)
        return try ProjectFileReader.read(text: text, vocabulary: app.policyLibrary.vocabulary).get()
    }

    static func storedProject(_ app: Application) async throws -> UUID {
        let file = try Self.exampleFile(app)
        let projects = ProjectStore(db: app.db, engine: Engine(library: app.policyLibrary))
        _ = try await projects.createEnterprise(file.enterprise, by: enterprise)
        return try await projects.createProject(file.projects[0], creditCode: file.enterprise.creditCode, by: enterprise)
    }

    final class Posted: @unchecked Sendable {
        private let lock = NSLock()
        private var notices: [CaseNotice] = []
        var all: [CaseNotice] { lock.withLock { notices } }
        func post(_ n: CaseNotice) { lock.withLock { notices.append(n) } }
    }

    @Test(arguments: TestDatabase.all)
    func anApplicationFromDeficienciesToAPinnedApproval(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let store = try Self.store(app)
            let projectID = try await Self.storedProject(app)
            let day = Day(iso: "2026-03-02")!
            let id = try await store.create(projectID: projectID, instruments: nil, on: day, by: Self.enterprise)
            var model = try await store.application(id)
            #expect(model.state == "draft")
            #expect(model.instrumentIDs == ["7a", "17a", "17b"])

            // Every item in but one deferrable one.
            let items = store.workflow.materials.items(for: model.instrumentIDs)
            let deferred = try #require(items.first { $0.kind == .deferrable })
            for item in items where item.id != deferred.id {
                _ = try await store.addMaterial(id, item: item.id, fileName: "\(item.id).bin", data: Self.file(for: item), on: day, by: Self.enterprise)
            }
            // A file whose content is not what the item accepts is refused, whatever its name.
            await #expect(throws: RegistryError.self) {
                _ = try await store.addMaterial(id, item: deferred.id, fileName: "x.pdf", data: Data("MZ executable".utf8), on: day, by: Self.enterprise)
            }
            try await store.submit(id, on: day, by: Self.enterprise)
            #expect(try await store.intake(id, .accept, as: .districtOfficer, on: day, by: Self.officer) == .acceptedWithDeficiencies)
            model = try await store.application(id)
            let due = try #require(model.deferrals.first).due
            #expect(model.deferrals.map(\.item) == [deferred.id])
            #expect(Day(iso: due)! >= day.adding(days: 30))

            // A reminder seven days before the due day, once.
            let posted = Posted()
            let reminderDay = Day(iso: due)!.adding(days: -7)
            #expect(try await store.sendReminders(on: reminderDay, post: { n, _ in posted.post(n) }) == 1)
            #expect(try await store.sendReminders(on: reminderDay, post: { n, _ in posted.post(n) }) == 0)
            #expect(posted.all.map(\.kind) == ["deferral.reminder"])
            #expect(posted.all.first?.recipient == .enterprise(creditCode: "91310115MA1K4ABCDD"))

            // The item comes in: accepted; the review starts in parallel.
            _ = try await store.addMaterial(id, item: deferred.id, fileName: "late.pdf", data: Self.file(for: deferred), on: reminderDay, by: Self.enterprise)
            #expect(try await store.application(id).state == "accepted")
            try await store.startReview(id, as: .districtOfficer, on: reminderDay, by: Self.officer)
            model = try await store.application(id)
            let departments = model.steps.map(\.department)
            #expect(model.state == "under_review")
            #expect(departments.count >= 3)
            #expect(!departments.contains("planning-resources"))  // zero-land: no land review

            // All but one department approve at once; the last lets its step run past its due day.
            let late = departments.last!
            for code in departments.dropLast() {
                #expect(try await store.giveOpinion(id, department: code, verdict: .approve, on: reminderDay, by: Self.officer) == .underReview)
            }
            let lateStep = model.steps.first { $0.department == late }!
            let breachDay = Day(iso: lateStep.due)!.adding(days: 1)
            #expect(try await store.escalateReviewSteps(on: breachDay, post: { n, _ in posted.post(n) }) == 1)
            #expect(try await store.escalateReviewSteps(on: breachDay, post: { n, _ in posted.post(n) }) == 0)
            #expect(posted.all.contains { $0.kind == "review.breached" && $0.recipient == .officers(role: .cityOfficer, district: nil) })
            #expect(try await store.giveOpinion(id, department: late, verdict: .approve, on: breachDay, by: Self.officer) == .underReview)

            // Approval above the engine's maximum is refused by instrument; at the maximum it stands.
            await #expect(throws: RegistryError.self) {
                try await store.decide(id, .approve(approvedInvestment: Money(yuan: 86_000_000), granted: ["7a": Money(yuan: 99_000_000)]),
                                       on: breachDay, by: Self.city)
            }
            let plan = Engine(library: app.policyLibrary).evaluate(try Self.exampleFile(app).projects[0], on: breachDay)
            let maxima = Dictionary(uniqueKeysWithValues: plan.recommendation.lines.map { ($0.id, $0.amount) })
            try await store.decide(id, .approve(approvedInvestment: Money(yuan: 80_000_000), granted: maxima), on: breachDay, by: Self.city)
            model = try await store.application(id)
            #expect(model.state == "approved")
            let decision = try #require(try await ApplicationDecisionModel.query(on: app.db).filter(\.$application.$id == id).first())
            #expect(decision.libraryVersion == "v1")
            #expect(decision.approvedInvestmentFen == Money(yuan: 80_000_000).fen)
            #expect(decision.valuesJSON.contains("\""))
            let grantsBefore = decision.grantsJSON

            // A later library with another ratio: the decided case does not move, and its decision row cannot be rewritten.
            let changed = try Self.libraryWithRatio(app, "0.40")
            let later = try Self.store(app, library: changed, version: "v2")
            #expect(try await later.application(id).state == "approved")
            let after = try #require(try await ApplicationDecisionModel.query(on: app.db).filter(\.$application.$id == id).first())
            #expect(after.grantsJSON == grantsBefore && after.libraryVersion == "v1")
            await #expect(throws: (any Error).self) {
                try await (app.db as! any SQLDatabase).raw("UPDATE application_decisions SET granted_fen = 0").run()
            }
            // Comparing with today's policy is a view of its own: 7a at 40% instead of 50%.
            let comparison = try await later.compareWithPolicy(id, on: breachDay)
            let line7a = try #require(comparison.lines.first { $0.instrument == "7a" })
            #expect(line7a.granted == maxima["7a"] && line7a.maximumThen == maxima["7a"])
            #expect(line7a.maximumNow! < line7a.maximumThen!)
            #expect(comparison.libraryVersionThen == "v1" && comparison.libraryVersionNow == "v2")

            // Every step is on the audit trail of the case, and the chain holds.
            let trail = try await AuditTrail.entries(AuditQuery(caseID: id.uuidString.lowercased(), limit: 500), on: app.db)
            let actions = Set(trail.map(\.action))
            for action in ["application.create", "application.material", "application.submit", "application.accept_with_deficiencies",
                           "application.supplement", "application.start_review", "review.opinion", "review.escalate", "application.approve"] {
                #expect(actions.contains(action), "\(action) missing from the trail")
            }
            guard case .intact = try await AuditTrail.verify(on: app.db) else { Issue.record("chain broken"); return }
        }
    }

    @Test(arguments: TestDatabase.all)
    func aMissingCriticalItemIsNeverDeferredAndAnOverdueItemLapses(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let store = try Self.store(app)
            let projectID = try await Self.storedProject(app)
            let day = Day(iso: "2026-03-02")!
            let id = try await store.create(projectID: projectID, instruments: ["7a"], on: day, by: Self.enterprise)
            #expect(try await store.application(id).instrumentIDs == ["7a"])
            // A second open application for the same project is refused.
            await #expect(throws: RegistryError.self) {
                _ = try await store.create(projectID: projectID, instruments: nil, on: day, by: Self.enterprise)
            }
            let items = store.workflow.materials.items(for: ["7a"])
            let critical = items.first { $0.kind == .critical }!
            for item in items where item.id != critical.id {
                _ = try await store.addMaterial(id, item: item.id, fileName: "f", data: Self.file(for: item), on: day, by: Self.enterprise)
            }
            try await store.submit(id, on: day, by: Self.enterprise)
            await #expect(throws: RegistryError.self) {
                _ = try await store.intake(id, .accept, as: .districtOfficer, on: day, by: Self.officer)
            }
            #expect(try await store.application(id).state == "submitted")
            #expect(try await store.intake(id, .returnToEnterprise(reasons: "缺少关键材料"), as: .districtOfficer, on: day, by: Self.officer) == .returned)
            _ = try await store.addMaterial(id, item: critical.id, fileName: "f", data: Self.file(for: critical), on: day, by: Self.enterprise)
            // Now take a deferrable item out of the picture by asking for a new case with one missing.
            try await store.submit(id, on: day, by: Self.enterprise)
            #expect(try await store.intake(id, .accept, as: .districtOfficer, on: day, by: Self.officer) == .accepted)

            // A second project's application with a deferrable item that is never supplied lapses after its due day.
            let file = try Self.exampleFile(app)
            var second = file.projects[0]
            second.id = "P-2024-LAPSE"
            let secondID = try await ProjectStore(db: app.db, engine: Engine(library: app.policyLibrary))
                .createProject(second, creditCode: file.enterprise.creditCode, by: Self.enterprise)
            let other = try await store.create(projectID: secondID, instruments: ["7a"], on: day, by: Self.enterprise)
            let deferrable = items.first { $0.kind == .deferrable }!
            for item in items where item.id != deferrable.id {
                _ = try await store.addMaterial(other, item: item.id, fileName: "f", data: Self.file(for: item), on: day, by: Self.enterprise)
            }
            try await store.submit(other, on: day, by: Self.enterprise)
            #expect(try await store.intake(other, .accept, as: .districtOfficer, on: day, by: Self.officer) == .acceptedWithDeficiencies)
            let due = Day(iso: try await store.application(other).deferrals[0].due)!
            let posted = Posted()
            #expect(try await store.lapseOverdue(on: due, post: { n, _ in posted.post(n) }) == 0)
            #expect(try await store.lapseOverdue(on: due.adding(days: 1), post: { n, _ in posted.post(n) }) == 1)
            #expect(try await store.application(other).state == "lapsed")
            #expect(posted.all.map(\.kind) == ["application.lapsed"])
        }
    }

    /// The shipped library with 7a's ratio changed: a copy in a temporary folder.
    static func libraryWithRatio(_ app: Application, _ ratio: String) throws -> PolicyLibrary {
        let source = try #require(PolicyLibraryLoader.defaultDirectory())
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("renewal-library-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent("instruments/7a.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "ratio: \"50%\"", with: "ratio: \"\(ratio)\"").write(to: file, atomically: true, encoding: .utf8)
        return try PolicyLibraryLoader.load(directory: copy)
    }
}
