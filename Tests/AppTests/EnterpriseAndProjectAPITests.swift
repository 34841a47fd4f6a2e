import Foundation
import Testing
import Vapor
import VaporTesting

/// The API end to end on a real database: create, read, update, delete, match, plans, filters,
/// status, and the errors for bad input (never a 500).
@Suite struct EnterpriseAndProjectAPITests {
    @Test(arguments: TestDatabase.all)
    func enterprisesAndProjectsRoundTrip(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var r = try await app.call(.POST, "api/enterprises", json: try Fixtures.json(Fixtures.enterprise))
            #expect(r.status == .created, "\(r.raw)")
            #expect(r.body["projectCount"] as? Int == 0)
            r = try await app.call(.POST, "api/enterprises", json: try Fixtures.json(Fixtures.enterprise))
            #expect(r.status == .conflict && r.body["error"] as? String == "conflict")

            let example = try Fixtures.example("enterprise-plan.json")
            let projects = example["projects"] as! [[String: Any]]
            var ids: [String] = []
            for p in projects {
                r = try await app.call(.POST, "api/projects", json: try Fixtures.json(["creditCode": "91310115MA1K4ABCDD", "project": p]))
                #expect(r.status == .created, "\(r.raw)")
                ids.append(r.body["id"] as? String ?? "")
            }
            // The stored plan equals the plan of the file.
            let posted = try await app.call(.POST, "api/match", json: try Fixtures.json(example))
            let stored = try await app.call(.GET, "api/enterprises/91310115MA1K4ABCDD/plan")
            #expect(posted.status == .ok && stored.status == .ok)
            #expect(posted.body["cityTotal"] as? String == "17290000.00")
            #expect(stored.body["cityTotal"] as? String == posted.body["cityTotal"] as? String)

            // Filters.
            r = try await app.call(.GET, "api/projects?instrument=13")
            #expect(r.body["total"] as? Int == 1)
            r = try await app.call(.GET, "api/projects?minAmount=5000000&sort=amount")
            #expect((r.body["items"] as? [[String: Any]])?.map { $0["projectId"] as? String } == ["P-2025-003", "P-2024-001"])
            r = try await app.call(.GET, "api/projects?q=%E8%83%BD%E6%BA%90") // 能源
            #expect(r.body["total"] as? Int == 1)
            r = try await app.call(.GET, "api/projects?district=pudong&perPage=2&page=2")
            #expect(r.body["total"] as? Int == 3 && (r.body["items"] as? [Any])?.count == 1)

            // A stored project reads back as it was written, and matches.
            r = try await app.call(.GET, "api/projects/\(ids[0])")
            let project = r.body["project"] as? [String: Any]
            #expect((project?["loans"] as? [[String: Any]])?.first?["interestPaid"] as? [String: String] == ["2024": "960000.00", "2025": "1280000.00", "2026": "1280000.00", "2027": "1280000.00"])
            r = try await app.call(.GET, "api/projects/\(ids[0])/match")
            #expect((r.body["recommendation"] as? [String: Any])?["total"] as? String == "6530000.00")

            // Update: the recommended total follows.
            var changed = projects[1]
            changed["investment"] = ["declared": "12500000", "approved": "60000000"]
            r = try await app.call(.PUT, "api/projects/\(ids[1])", json: try Fixtures.json(changed))
            #expect(r.status == .ok && r.body["recommendedTotal"] as? String == "10000000.00")

            // Status moves one step forward, and back to reserve; history is kept.
            r = try await app.call(.POST, "api/projects/\(ids[0])/status", json: #"{"status":"completed"}"#)
            #expect(r.status == .conflict)
            r = try await app.call(.POST, "api/projects/\(ids[0])/status", json: #"{"status":"filed","note":"承诺备案"}"#)
            #expect(r.status == .ok && (r.body["statusHistory"] as? [Any])?.count == 2)

            // Delete: the enterprise refuses while it has projects.
            r = try await app.call(.DELETE, "api/enterprises/91310115MA1K4ABCDD")
            #expect(r.status == .conflict)
            for id in ids { #expect(try await app.call(.DELETE, "api/projects/\(id)").status == .noContent) }
            #expect(try await app.call(.DELETE, "api/enterprises/91310115MA1K4ABCDD").status == .noContent)
            #expect(try await app.call(.GET, "api/enterprises/91310115MA1K4ABCDD").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badInputIsRefusedWithPathsAndNothingIsStored(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.call(.POST, "api/enterprises", json: try Fixtures.json(Fixtures.enterprise))
            // A project with a negative amount and dates out of order: 422 with both paths.
            let bad: [String: Any] = ["creditCode": "91310115MA1K4ABCDD", "project": [
                "id": "P1", "startDate": "2025-01-01", "endDate": "2024-01-01",
                "loans": [["id": "L1", "principal": "-5"]]]]
            var r = try await app.call(.POST, "api/projects", json: try Fixtures.json(bad))
            let paths = (r.body["issues"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
            #expect(r.status == .unprocessableEntity || r.status == .badRequest, "\(r.raw)")
            #expect(paths.contains { $0.contains("endDate") } || paths.contains { $0.contains("principal") }, "\(paths)")
            #expect(try await app.call(.GET, "api/projects").body["total"] as? Int == 0)
            // Wrong credit-code check character.
            var e = Fixtures.enterprise
            e["creditCode"] = "91310115MA1K4ABCDE"
            r = try await app.call(.POST, "api/enterprises", json: try Fixtures.json(e))
            #expect(r.status == .unprocessableEntity)
            #expect((r.body["issues"] as? [[String: Any]])?.first?["path"] as? String == "$.creditCode")
            // Malformed JSON, unknown project, bad parameters: client errors, not 500.
            for (method, path, body) in [(HTTPMethod.POST, "api/match", "{not json"), (.GET, "api/projects/00000000-0000-0000-0000-000000000000", nil),
                                         (.GET, "api/projects?minAmount=abc", nil), (.GET, "api/projects?instrument=99", nil),
                                         (.GET, "api/projects/not-a-uuid", nil), (.POST, "api/match", "[]")] as [(HTTPMethod, String, String?)] {
                let answer = try await app.call(method, path, json: body)
                #expect((400..<500).contains(Int(answer.status.code)), "\(method) \(path): \(answer.status) \(answer.raw)")
                #expect(answer.body["error"] is String, "\(path): \(answer.raw)")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func operationsEndpoints(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var r = try await app.call(.GET, "health")
            #expect(r.status == .ok && r.body["status"] as? String == "ok")
            r = try await app.call(.GET, "openapi.yaml")
            #expect(r.raw.hasPrefix("openapi: ") || r.raw.contains("openapi: 3.1"))
            r = try await app.call(.GET, "docs")
            #expect(r.raw.contains("/api/projects") && r.raw.contains("<html"))
            r = try await app.call(.GET, "metrics")
            #expect(r.raw.contains("renewal_http_requests_total"))
        }
    }
}
