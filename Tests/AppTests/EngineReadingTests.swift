@testable import App
import Foundation
import Policy
import Testing
import Vapor
import VaporTesting

/// The API reads project files, projects and enterprises with the engine's own reader — every
/// problem at once, by JSON path, in Chinese and English, amounts as strings or numbers — exactly
/// as `renewal match` does, and answers with the engine's own JSON.
@Suite struct EngineReadingTests {
    /// A file with four problems: a bad check character, an unknown district, a negative amount
    /// and an end date before the start date.
    static var fourProblems: String {
        """
        {"enterprise": {"creditCode": "91310113MA1GL3XN84", "name": "上海宝山精密钢管有限公司", "district": "atlantis", "industryCode": "C3130"},
         "projects": [{"id": "P1", "categories": ["technical-renovation"], "startDate": "2025-06-01", "endDate": "2024-01-01",
                       "investment": {"declared": "-5"}}]}
        """
    }

    @Test(arguments: TestDatabase.all)
    func matchReportsEveryProblemAsTheCommandLineDoes(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (status, body, _) = try await app.call(.POST, "/api/match", json: Self.fourProblems)
            #expect(status == .unprocessableEntity)
            let issues = body["issues"] as? [[String: Any]] ?? []
            #expect(issues.count == 4)
            // The same issues, in the same order, as `renewal match` prints for the same file.
            let cli = ProjectFileReader.read(text: Self.fourProblems, vocabulary: app.policyLibrary.vocabulary)
            guard case .failure(let failure) = cli else { Issue.record("the reader accepted the file"); return }
            #expect(issues.map { $0["path"] as? String } == failure.issues.map(\.path))
            for (issue, expected) in zip(issues, failure.issues) {
                let message = issue["message"] as? [String: String] ?? [:]
                #expect(message["zh"] == expected.message.zh)
                #expect(message["en"] == expected.message.en)
                #expect(message["zh"] != message["en"])
            }
            #expect(Set(issues.compactMap { $0["path"] as? String }) == [
                "$.enterprise.creditCode", "$.enterprise.district", "$.projects[0].endDate", "$.projects[0].investment.declared",
            ])
        }
    }

    @Test(arguments: TestDatabase.all)
    func amountsAreTakenAsNumbersOrStrings(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var file = try Fixtures.example("instruments/7a.json")
            var projects = file["projects"] as! [[String: Any]]
            projects[0]["investment"] = ["declared": 68000000]
            file["projects"] = projects
            let numeric = try await app.call(.POST, "/api/match", json: try Fixtures.json(file))
            #expect(numeric.status == .ok)
            let asText = try await app.call(.POST, "/api/match", json: try Fixtures.json(try Fixtures.example("instruments/7a.json")))
            #expect(asText.status == .ok)
            #expect(numeric.body["cityTotal"] as? String == asText.body["cityTotal"] as? String)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theFullAnswerIsTheEnginesPlan(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let text = try String(contentsOf: Fixtures.repo.appendingPathComponent("Examples/enterprise-plan.json"), encoding: .utf8)
            let (status, _, raw) = try await app.call(.POST, "/api/match", json: text)
            #expect(status == .ok)
            let file = try ProjectFileReader.read(text: text, vocabulary: app.policyLibrary.vocabulary).get()
            let plan = app.engine.plan(for: file)
            let codable = try JSONParser.parse(Array(try JSONEncoder().encode(plan)))
            let answered = try JSONParser.parse(raw)
            #expect(Self.sorted(answered) == Self.sorted(codable))
        }
    }

    @Test(arguments: TestDatabase.all)
    func summaryIsCompactAndOtherDetailsAreRefused(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let text = try String(contentsOf: Fixtures.repo.appendingPathComponent("Examples/enterprise-plan.json"), encoding: .utf8)
            let full = try await app.call(.POST, "/api/match", json: text)
            let summary = try await app.call(.POST, "/api/match?detail=summary", json: text)
            #expect(summary.status == .ok)
            #expect(summary.body["detail"] as? String == "summary")
            #expect(summary.body["cityTotal"] as? String == full.body["cityTotal"] as? String)
            #expect(summary.raw.utf8.count * 2 < full.raw.utf8.count)
            let bad = try await app.call(.POST, "/api/match?detail=everything", json: text)
            #expect(bad.status == .badRequest)
            #expect((bad.body["issues"] as? [[String: Any]])?.first?["path"] as? String == "detail")
        }
    }

    @Test(arguments: TestDatabase.all)
    func malformedJSONAndWrongContentTypeAreTheClientsFault(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let malformed = try await app.call(.POST, "/api/match", json: "{\"enterprise\": ")
            #expect(malformed.status == .badRequest)
            let message = malformed.body["message"] as? [String: String]
            #expect(message?["zh"]?.contains("JSON 格式错误") == true)
            #expect(message?["en"]?.contains("malformed JSON") == true)
            var status: HTTPStatus = .ok
            try await app.testing().test(.POST, "/api/match", beforeRequest: { req in
                req.headers.contentType = .plainText
                req.body = ByteBuffer(string: "{}")
            }, afterResponse: { res in status = res.status })
            #expect(status == .unsupportedMediaType)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aProjectIsReadWithEveryProblemAndItsPath(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.call(.POST, "/api/enterprises", json: try Fixtures.json(Fixtures.enterprise))
            let body = """
            {"creditCode": "91310115MA1K4ABCDD", "project": {"id": "P9", "categories": ["no-such-category"],
             "investment": {"declared": 12500000, "approved": "1.234"}, "loans": [{"id": "L1", "principal": -1}]}}
            """
            let (status, json, _) = try await app.call(.POST, "/api/projects", json: body)
            #expect(status == .unprocessableEntity)
            let paths = (json["issues"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            #expect(paths.contains("$.project.categories[0]"))
            #expect(paths.contains("$.project.investment.approved"))
            #expect(paths.contains("$.project.loans[0].principal"))
            // A numeric amount is taken: the valid project is stored with it, written back as a string.
            let good = """
            {"creditCode": "91310115MA1K4ABCDD", "project": {"id": "P9", "categories": ["technical-renovation"], "investment": {"declared": 12500000}}}
            """
            let created = try await app.call(.POST, "/api/projects", json: good)
            #expect(created.status == .created)
            let project = created.body["project"] as? [String: Any]
            #expect((project?["investment"] as? [String: Any])?["declared"] as? String == "12500000.00")
        }
    }

    @Test func everyOperationIsServedByExactlyOneServer() async throws {
        try await withApp(.sqlite) { app in
            let generated = Set(app.contractRoutes.all)
            // Each engine-served route is one the contract has (a typo would leave it to nobody).
            #expect(EngineServedOperations.routes.isSubset(of: generated), "\(EngineServedOperations.routes.subtracting(generated))")
            let served = Set(app.routes.all.map { route in
                "\(route.method.rawValue) /" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
            })
            for route in generated {
                #expect(served.contains(route), "\(route) is not served")
            }
            #expect(EngineServedOperations.operationIds.count == EngineServedOperations.routes.count)
        }
    }

    static func sorted(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let members): return .object(members.map { ($0.key, sorted($0.value)) }.sorted { $0.0 < $1.0 })
        case .array(let items): return .array(items.map(sorted))
        default: return v
        }
    }
}
