import Foundation
import Testing
import Vapor
import VaporTesting

/// Item 5 of issue 9: a published rolling list keeps what it carried when it was sent, and shows
/// beside it what changed since; an empty list cannot be published; the export has both.
@Suite struct ListSnapshotTests {
    @Test(arguments: TestDatabase.all)
    func aSentListShowsWhatWasSentBesideWhatChanged(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let ids = try await ImportReplaceTests.createExample(app)
            let first = try #require(ids["P-2024-001"]), second = try #require(ids["P-2024-002"])
            var r = try await app.call(.POST, "api/lists", json: #"{"number":"2025-第2批","title":"技术改造项目清单"}"#)
            let list = try #require(r.body["id"] as? String)

            // Empty: refused, in both languages.
            r = try await app.call(.POST, "api/lists/\(list)/publish")
            #expect(r.status == .conflict, "\(r.raw)")
            #expect((r.body["message"] as? [String: String])?["zh"]?.contains("清单没有项目") == true)
            #expect((r.body["message"] as? [String: String])?["en"]?.contains("no projects") == true)

            r = try await app.call(.POST, "api/lists/\(list)/revisions", json: try Fixtures.json(["add": [first, second], "remove": [String]()]))
            #expect(r.status == .ok)
            #expect(try await app.call(.POST, "api/lists/\(list)/publish").status == .ok)
            #expect(try await app.call(.POST, "api/lists/\(list)/send", json: #"{"recipients":["上海银行浦东分行"]}"#).status == .ok)

            // After sending, the project changes: a new approved investment and another status.
            var changed = (try Fixtures.example("enterprise-plan.json")["projects"] as! [[String: Any]])[1]
            changed["investment"] = ["declared": "12500000", "approved": "60000000"]
            #expect(try await app.call(.PUT, "api/projects/\(second)", json: try Fixtures.json(changed)).status == .ok)
            #expect(try await app.call(.POST, "api/projects/\(second)/status", json: #"{"status":"filed"}"#).status == .ok)

            r = try await app.call(.GET, "api/lists/\(list)")
            let entries = r.body["entries"] as? [[String: Any]] ?? []
            let entry = try #require(entries.first { $0["projectId"] as? String == second })
            let sent = entry["sent"] as? [String: Any] ?? [:], current = entry["current"] as? [String: Any] ?? [:]
            #expect(entry["recommendedTotal"] as? String == sent["recommendedTotal"] as? String)
            #expect(sent["approvedInvestment"] as? String == "11800000.00" && sent["status"] as? String == "reserve", "\(entry)")
            #expect(current["approvedInvestment"] as? String == "60000000.00" && current["status"] as? String == "filed")
            #expect(current["recommendedTotal"] as? String == "10000000.00" && sent["recommendedTotal"] as? String != "10000000.00")
            #expect(entry["changedSinceSent"] as? Bool == true && entry["sentVersion"] as? Int == 2)
            // The combination as sent, with each instrument's amount: they add up to the total sent.
            let sentLines = sent["recommendedLines"] as? [[String: String]] ?? []
            #expect(!sentLines.isEmpty && sentLines.map { $0["instrument"] } == (sent["recommendedInstruments"] as? [String])?.map { Optional($0) }, "\(sent)")
            #expect(sentLines.compactMap { $0["amount"].flatMap { Decimal(string: $0) } }.reduce(0, +) == Decimal(string: sent["recommendedTotal"] as? String ?? ""))
            #expect(current["recommendedLines"] == nil)
            #expect(Set(entry["changed"] as? [String] ?? []) == ["status", "approvedInvestment", "recommendedTotal"], "\(entry)")
            let untouched = try #require(entries.first { $0["projectId"] as? String == first })
            #expect(untouched["changedSinceSent"] as? Bool == false && (untouched["changed"] as? [String])?.isEmpty == true)

            // The export carries both, headers in Chinese.
            let (status, data, _) = try await ImportExportAPITests.download(app, "api/lists/\(list)/export?format=csv")
            #expect(status == .ok)
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: "")
            let lines = text.split(separator: "\r\n").map(String.init)
            let header = lines.first?.split(separator: ",").map(String.init) ?? []
            for column in ["清单批次号", "发布版本", "发布时推荐合计", "当前推荐合计", "发布时推荐组合金额", "发布时核定投资", "当前核定投资", "发布时状态", "当前状态", "发布后是否变化", "变化项", "项目编号", "贷款1本金"] {
                #expect(header.contains(column), "\(column) in \(header)")
            }
            let row = try #require(lines.first { $0.contains("P-2024-002") }).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            func cell(_ name: String) -> String? { header.firstIndex(of: name).map { row[$0] } }
            #expect(cell("发布时核定投资") == "11800000.00" && cell("当前核定投资") == "60000000.00")
            #expect(cell("当前推荐合计") == "10000000.00" && cell("发布时状态") == "项目储备" && cell("当前状态") == "已备案")
            #expect(cell("发布后是否变化") == "true" && cell("变化项")?.contains("推荐合计") == true)

            // A new version published takes a new snapshot: nothing differs from it.
            r = try await app.call(.POST, "api/lists/\(list)/revisions", json: try Fixtures.json(["add": [try #require(ids["P-2025-003"])], "remove": [String]()]))
            #expect(try await app.call(.POST, "api/lists/\(list)/publish").status == .ok)
            r = try await app.call(.GET, "api/lists/\(list)")
            let again = (r.body["entries"] as? [[String: Any]] ?? []).first { $0["projectId"] as? String == second }
            #expect(again?["changedSinceSent"] as? Bool == false && again?["sentVersion"] as? Int == 3)
        }
    }
}
