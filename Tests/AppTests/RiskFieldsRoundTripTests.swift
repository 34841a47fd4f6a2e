@testable import App
import Foundation
import Policy
import Registry
import Risk
import Simulation
import Tabular
import Testing

/// The risk flags' fields travel through the registry: a file with every one of them imported
/// (the bulk path: COPY on PostgreSQL, multi-row inserts on SQLite), exported as CSV, read back:
/// the same enterprises and projects.
@Suite struct RiskFieldsRoundTripTests {
    @Test(arguments: TestDatabase.all)
    func fileToRegistryToExportToFileIsEqual(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let library = try PolicyLibraryLoader.loadDefault()
            var generator = SyntheticProjects(seed: 41, vocabulary: library.vocabulary)
            generator.identities = true
            var files: [ProjectFile] = []
            while generator.made < 80 { files.append(generator.nextFile()) }
            for f in files.indices {
                for p in files[f].projects.indices {
                    let id = files[f].projects[p].id
                    for c in files[f].projects[p].certifications.indices { files[f].projects[p].certifications[c].contractNumber = "RZ-\(id)-\(c)" }
                    files[f].projects[p].innovativeProductContract?.contractNumber = "CX-HT-\(id)"
                    files[f].projects[p].marketContract?.contractNumber = "SC-HT-\(id)"
                    files[f].projects[p].softwareSales?.contractNumber = "RJ-HT-\(id)"
                }
            }
            let jsonl = files.map(ProjectFileWriter.text).joined(separator: "\n") + "\n"
            let (status, body, raw) = try await ImportExportAPITests.upload(app, "api/imports?format=jsonl&chunkSize=25&wait=true",
                                                                            body: Data(jsonl.utf8), contentType: "application/x-ndjson")
            #expect(status == .ok && body["imported"] as? Int == generator.made, "\(String(decoding: raw, as: UTF8.self))")
            let (exportStatus, csv, _) = try await ImportExportAPITests.download(app, "api/exports/projects?format=csv")
            #expect(exportStatus == .ok)
            let result = try TabularImport.files(format: .csv, source: .data(csv), vocabulary: library.vocabulary)
            #expect(result.failures.isEmpty, "\(result.failures.prefix(3))")
            func keyed(_ files: [ProjectFile]) -> [String: ProjectFile] {
                var out: [String: ProjectFile] = [:]
                for var f in files {
                    f.projects.sort { $0.id < $1.id }
                    out[f.enterprise.creditCode] = f
                }
                return out
            }
            let back = keyed(result.files.map(\.file)), sent = keyed(files)
            #expect(back.count == sent.count)
            for (code, file) in sent where back[code] != file {
                Issue.record("\(code) differs:\n\(back[code].map(ProjectFileWriter.text) ?? "missing")\n\(ProjectFileWriter.text(file))")
                break
            }
            #expect(back == sent)
            // The flags' loader reads the same projects, whatever its batch, with the fields they compare.
            let small = try await RiskPopulationLoader.load(on: app.db, batch: 7)
            let whole = try await RiskPopulationLoader.load(on: app.db)
            #expect(small.count == generator.made && whole.count == generator.made)
            #expect(Set(small.entries.map(\.ref)) == Set(whole.entries.map(\.ref)))
            let serials = Set(small.entries.flatMap { $0.project.equipment.compactMap(\.serialNumber) })
            #expect(serials == Set(files.flatMap(\.projects).flatMap { $0.equipment.compactMap(\.serialNumber) }))
            #expect(Set(small.entries.compactMap(\.enterprise.phone)) == Set(files.compactMap(\.enterprise.phone)))
            // And one enterprise through the API's own record.
            let one = try #require(files.first)
            let r = try await app.call(.GET, "api/enterprises/\(one.enterprise.creditCode)")
            #expect(r.body["legalRepresentative"] as? String == one.enterprise.legalRepresentative)
            #expect(r.body["phone"] as? String == one.enterprise.phone)
        }
    }
}
