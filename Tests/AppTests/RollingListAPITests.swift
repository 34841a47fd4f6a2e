import Foundation
import Testing
import Vapor
import VaporTesting

/// Rolling lists: versions, history kept across revisions, publish and send.
@Suite struct RollingListAPITests {
    @Test(arguments: TestDatabase.all)
    func aListIsRevisedPublishedAndSent(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.call(.POST, "api/enterprises", json: try Fixtures.json(Fixtures.enterprise))
            let projects = try Fixtures.example("enterprise-plan.json")["projects"] as! [[String: Any]]
            var ids: [String] = []
            for p in projects {
                let r = try await app.call(.POST, "api/projects", json: try Fixtures.json(["creditCode": "91310115MA1K4ABCDD", "project": p]))
                ids.append(r.body["id"] as! String)
            }
            var r = try await app.call(.POST, "api/lists", json: #"{"number":"2025-第1批","title":"技术改造项目清单"}"#)
            #expect(r.status == .created, "\(r.raw)")
            let list = r.body["id"] as! String
            #expect(try await app.call(.POST, "api/lists", json: #"{"number":"2025-第1批","title":"again"}"#).status == .conflict)
            r = try await app.call(.POST, "api/lists/\(list)/send", json: #"{"recipients":["上海银行"]}"#)
            #expect(r.status == .conflict) // not published yet
            r = try await app.call(.POST, "api/lists/\(list)/revisions", json: try Fixtures.json(["add": [ids[0], ids[1]], "remove": [String]()]))
            #expect(r.status == .ok && r.body["version"] as? Int == 2)
            r = try await app.call(.POST, "api/lists/\(list)/revisions", json: try Fixtures.json(["add": [ids[0]], "remove": [String]()]))
            #expect(r.status == .unprocessableEntity) // already on the list
            r = try await app.call(.POST, "api/lists/\(list)/publish")
            #expect(r.status == .ok && r.body["status"] as? String == "published")
            #expect(try await app.call(.POST, "api/lists/\(list)/publish").status == .conflict)
            r = try await app.call(.POST, "api/lists/\(list)/send", json: #"{"recipients":["上海银行浦东分行","浦银金融租赁"]}"#)
            #expect(r.status == .ok && r.body["status"] as? String == "sent")
            r = try await app.call(.POST, "api/lists/\(list)/revisions", json: try Fixtures.json(["add": [ids[2]], "remove": [ids[1]], "note": "第二次修订"]))
            let entries = r.body["entries"] as? [[String: Any]] ?? []
            #expect(entries.count == 3) // the removed entry stays, with the version it left in
            #expect(entries.first { $0["projectId"] as? String == ids[1] }?["removedInVersion"] as? Int == 3)
            let versions = r.body["versions"] as? [[String: Any]] ?? []
            #expect(versions.count == 3 && (versions[1]["sentTo"] as? [String])?.count == 2)
            // A project on a list cannot be deleted.
            #expect(try await app.call(.DELETE, "api/projects/\(ids[1])").status == .conflict)
            r = try await app.call(.GET, "api/lists")
            #expect(r.raw.contains("2025-第1批"))
        }
    }
}
