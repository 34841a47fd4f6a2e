import Foundation
import Policy
import Simulation
import Testing
import Vapor
import VaporTesting

/// Bulk import and export through the API: a good file is stored, a file with a bad row is
/// refused whole with the row and column and nothing stored, export gives back what was imported,
/// and an import resumes only with the same file.
@Suite struct ImportExportAPITests {
    static func upload(_ app: Application, _ path: String, body: Data, contentType: String) async throws -> (HTTPStatus, [String: Any], Data) {
        var status: HTTPStatus = .ok
        var raw = Data()
        try await app.testing().test(.POST, path, headers: app.adminHeaders, beforeRequest: { req in
            req.headers.replaceOrAdd(name: .contentType, value: contentType)
            req.body = ByteBuffer(data: body)
        }, afterResponse: { res in
            status = res.status
            raw = Data(buffer: res.body)
        })
        return (status, (try? JSONSerialization.jsonObject(with: raw)) as? [String: Any] ?? [:], raw)
    }

    static func download(_ app: Application, _ path: String) async throws -> (HTTPStatus, Data, String?) {
        var result: (HTTPStatus, Data, String?) = (.ok, Data(), nil)
        try await app.testing().test(.GET, path, headers: app.adminHeaders, afterResponse: { res in
            result = (res.status, Data(buffer: res.body), res.headers.first(name: .contentType))
        })
        return result
    }

    /// At least n generated projects as JSON Lines, and how many there are.
    static func population(_ n: Int) throws -> (text: String, projects: Int) {
        let library = try PolicyLibraryLoader.loadDefault()
        var generator = SyntheticProjects(seed: 31, vocabulary: library.vocabulary)
        var lines: [String] = []
        while generator.made < n { lines.append(ProjectFileWriter.text(generator.nextFile())) }
        return (lines.joined(separator: "\n") + "\n", generator.made)
    }

    @Test(arguments: TestDatabase.all)
    func importExportRoundTrip(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (jsonl, n) = try Self.population(120)
            var (status, body, raw) = try await Self.upload(app, "api/imports?format=jsonl&chunkSize=25&wait=true", body: Data(jsonl.utf8), contentType: "application/x-ndjson")
            #expect(status == .ok, "\(String(decoding: raw, as: UTF8.self))")
            #expect(body["status"] as? String == "completed" && body["imported"] as? Int == n)
            #expect(body["committedChunks"] as? Int == (n + 24) / 25)
            let listed = try await app.call(.GET, "api/projects?perPage=1")
            #expect(listed.body["total"] as? Int == n)

            // Export as CSV, then import the CSV into the same registry: refused by default (every
            // project exists); in replace mode every project is named again unchanged.
            let (exportStatus, csv, type) = try await Self.download(app, "api/exports/projects?format=csv")
            #expect(exportStatus == .ok && type?.hasPrefix("text/csv") == true)
            (status, body, raw) = try await Self.upload(app, "api/imports?format=csv&wait=true", body: csv, contentType: "text/csv")
            #expect(status == .ok && body["status"] as? String == "failed" && body["failed"] as? Int == n, "\(String(decoding: raw, as: UTF8.self))")
            (status, body, raw) = try await Self.upload(app, "api/imports?format=csv&wait=true&mode=replace", body: csv, contentType: "text/csv")
            #expect(status == .ok && body["imported"] as? Int == n, "\(String(decoding: raw, as: UTF8.self))")
            #expect(body["unchanged"] as? Int == n && body["replaced"] as? Int == 0, "\(body)")
            #expect(try await app.call(.GET, "api/projects?perPage=1").body["total"] as? Int == n)

            // XLSX export is a zip archive with a worksheet.
            let (xlsxStatus, xlsx, _) = try await Self.download(app, "api/exports/projects?format=xlsx&district=pudong")
            #expect(xlsxStatus == .ok && xlsx.starts(with: [0x50, 0x4B]))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aFileWithABadRowIsRefusedWhole(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var lines = try Self.population(40).text.split(separator: "\n").map(String.init)
            lines[7] = lines[7].replacingOccurrences(of: "\"principal\":\"", with: "\"principal\":\"-")
            lines[20] = lines[20].replacingOccurrences(of: "\"district\":\"", with: "\"district\":\"x")
            let (status, body, raw) = try await Self.upload(app, "api/imports?format=jsonl&chunkSize=10&wait=true",
                                                            body: Data(lines.joined(separator: "\n").utf8), contentType: "application/x-ndjson")
            #expect(status == .ok, "\(String(decoding: raw, as: UTF8.self))")
            #expect(body["status"] as? String == "failed" && body["imported"] as? Int == 0)
            let errors = body["errors"] as? [[String: Any]] ?? []
            #expect(errors.contains { $0["row"] as? Int == 21 && ($0["column"] as? String)?.contains("district") == true }, "\(errors)")
            #expect(try await app.call(.GET, "api/projects?perPage=1").body["total"] as? Int == 0)
            // The report can be read again; resuming with another file is refused.
            let id = body["id"] as! String
            #expect(try await app.call(.GET, "api/imports/\(id)").body["failed"] as? Int == (body["failed"] as? Int))
            let other = try await Self.upload(app, "api/imports?format=jsonl&resume=\(id)", body: Data("{}".utf8), contentType: "application/x-ndjson")
            #expect(other.0 == .conflict)
            // A header that is not the format's: 400 with the column named.
            let bad = try await Self.upload(app, "api/imports?format=csv", body: Data("foo,bar\n1,2\n".utf8), contentType: "text/csv")
            #expect(bad.0 == .badRequest && String(decoding: bad.2, as: UTF8.self).contains("foo"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func anImportRunsAfterTheAnswerAndIsFollowedByItsAddress(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (jsonl, n) = try Self.population(60)
            var status: HTTPStatus = .ok
            var location: String?
            var body: [String: Any] = [:]
            try await app.testing().test(.POST, "api/imports?format=jsonl&chunkSize=7", headers: app.adminHeaders, beforeRequest: { req in
                req.headers.replaceOrAdd(name: .contentType, value: "application/x-ndjson")
                req.body = ByteBuffer(string: jsonl)
            }, afterResponse: { res in
                status = res.status
                location = res.headers.first(name: .location)
                body = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [String: Any] ?? [:]
            })
            #expect(status == .accepted)
            let id = try #require(body["id"] as? String)
            #expect(location == "/api/imports/\(id)")
            #expect(["running", "completed"].contains(body["status"] as? String ?? ""))
            // Follow the import until it ends (a hang guard, not a timed assertion: a loaded
            // machine may take minutes).
            var report: [String: Any] = [:]
            let deadline = ContinuousClock.now + .seconds(600)
            while ContinuousClock.now < deadline {
                report = try await app.call(.GET, "api/imports/\(id)").body
                if report["status"] as? String != "running" { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(report["status"] as? String == "completed", "\(report)")
            #expect(report["imported"] as? Int == n && report["committedChunks"] as? Int == (n + 6) / 7)
            #expect(try await app.call(.GET, "api/projects?perPage=1").body["total"] as? Int == n)
        }
    }
}
