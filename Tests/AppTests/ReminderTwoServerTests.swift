@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import Workflow

/// The reminder of a deferred item, sent by the scheduled work of two servers on one database:
/// however often both tick, the enterprise is reminded once (one notice, one mail).
@Suite struct ReminderTwoServerTests {
    @Test(arguments: TestDatabase.all)
    func twoServersRemindOnce(_ database: TestDatabase) async throws {
        try await withTwoServers(database) { a, b in
            // An application accepted with one deferrable item missing, made through the registry.
            let store = a.platformServices.applicationStore()
            let projects = ProjectStore(db: a.db, engine: a.engine)
            let file = try ApplicationWorkflowTests.exampleFile(a)
            let actor = AuditActor.system("test")
            _ = try await projects.createEnterprise(file.enterprise, by: actor)
            let project = try await projects.createProject(file.projects[0], creditCode: file.enterprise.creditCode, by: actor)
            let day = Day(iso: "2026-03-02")!
            let id = try await store.create(projectID: project, instruments: ["7a"], on: day, by: actor)
            let items = store.workflow.materials.items(for: ["7a"])
            let deferrable = items.first { $0.kind == .deferrable }!
            for item in items where item.id != deferrable.id {
                _ = try await store.addMaterial(id, item: item.id, fileName: "f", data: ApplicationWorkflowTests.file(for: item), on: day, by: actor)
            }
            try await store.submit(id, on: day, by: actor)
            _ = try await store.intake(id, .accept, as: .districtOfficer, on: day, by: actor)
            let due = Day(iso: try await store.application(id).deferrals[0].due)!

            // Both servers' today is seven days before the due day; both tick at once, three
            // times an hour, for four hours. The rounds follow each other as a minute's ticks do:
            // 24 ticks all at once on one in-memory SQLite (which refuses a second writer
            // outright) could lose every claim of an hour to the other hours' writes on a loaded
            // machine, which is not what this test is about.
            for app in [a, b] { app.platformClock = PlatformClock(fixed: due.adding(days: -7)) }
            let schedulers = [Scheduler(app: a, serverID: "server-a"), Scheduler(app: b, serverID: "server-b")]
            let start = Date(timeIntervalSince1970: 1_900_000_000)
            for hour in 0..<4 {
                for round in 0..<3 {
                    let now = start.addingTimeInterval(Double(hour * 3600 + round * 60))
                    await withTaskGroup(of: Void.self) { group in
                        for scheduler in schedulers { group.addTask { _ = await scheduler.tick(now: now) } }
                    }
                }
            }
            let reminders = try await NoticeStore(db: a.db).notices(ofKind: "deferral.reminder")
            #expect(reminders.count == 1)
            let claims = try await JobClaims(db: b.db).claims(of: "workflow.deferrals")
            #expect(claims.count == 4 && Set(claims.map(\.slot)).count == 4)
        }
    }
}
