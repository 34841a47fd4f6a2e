import FluentKit
import Foundation
import Policy
import SQLKit
import Tabular
import Workflow

/// Writes one chunk of imported rows inside the caller's transaction: enterprises upserted by
/// credit code, new projects and their children in multi-row inserts, recommended totals from
/// the batch engine (the same results as `match`, at a microsecond a project).
///
/// A project already stored (same enterprise, same project id) is replaced only in `replace`
/// mode: its status and status history kept, what it was written as an earlier version and the
/// change recorded for the import's report, all in the chunk's transaction. One that the row
/// leaves as it was is not touched. In `create` mode a stored project here means it was created
/// after the import was validated: the chunk is refused rather than overwrite it.
struct ImportChunkWriter: Sendable {
    let library: PolicyLibrary
    let batch: BatchEvaluator
    let scenarios: ScenarioFields

    init(library: PolicyLibrary, scenarios: ScenarioFields = ScenarioFields()) throws {
        self.library = library
        self.scenarios = scenarios
        let ids = try PopulationBuilder(vocabulary: library.vocabulary).population.categoryIds
        batch = BatchEvaluator(library: library, categoryIds: ids)
    }

    struct Outcome { var replaced = 0, unchanged = 0 }

    func write(_ rows: [ImportedRow], ids: inout OrderedIDs, mode: ImportMode, job: UUID, on db: any Database) async throws -> Outcome {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" {
            // The connection's page cache (2 MB by default) holds the indexes a chunk touches:
            // random UUID keys land all over them. The setting stays with the connection.
            try await sql.raw("PRAGMA cache_size = -131072").run()
        }
        let now = Date()
        var bulk = BulkRows(ids: ids)

        // Enterprises: the last row's details win for an enterprise named on several rows.
        var declared: [String: Enterprise] = [:]
        for r in rows { declared[r.enterprise.creditCode] = r.enterprise }
        let existing = try await EnterpriseModel.query(on: db).filter(\.$creditCode ~~ Array(declared.keys)).all()
        var enterpriseIDs: [String: UUID] = [:]
        for model in existing {
            enterpriseIDs[model.creditCode] = try model.requireID()
            if let e = declared[model.creditCode], model.differs(from: e) {
                model.assign(e)
                try await model.save(on: db)
            }
        }
        for (code, e) in declared where enterpriseIDs[code] == nil {
            let id = bulk.ids.next()
            enterpriseIDs[code] = id
            bulk.addEnterprise(id: id, e, at: now)
        }

        // Recommended totals for the chunk.
        var builder = try PopulationBuilder(vocabulary: library.vocabulary)
        for r in rows { builder.append(r.project, enterprise: r.enterprise) }
        let population = builder.population
        // The libraries, as the plan routes consult them: the few projects they could decide
        // otherwise than declared are evaluated by the full engine with them, the rest by the
        // batch engine (the same result for those, `Engine.librariesMayDecide`).
        let libraries = try await LibrariesReader(db: db, library: library, scenarios: scenarios)
            .snapshot(for: rows.map(\.project), enterprise: nil)
        let consulting = Engine(library: library).consulting(libraries)

        // Projects already stored, with everything they carry (what they were is kept).
        // Found by (credit code, project id) pairs, a lookup each (`ExistingProjects.ids`).
        var storedByKey: [String: ProjectModel] = [:]
        if !existing.isEmpty, let sql = db as? any SQLDatabase {
            let known = Set(existing.map(\.creditCode))
            let ids = try await ExistingProjects.ids(of: rows.filter { known.contains($0.enterprise.creditCode) }.map { ($0.enterprise.creditCode, $0.project.id) }, on: sql)
            var start = 0
            let all = Array(ids.values)
            while start < all.count {
                let slice = Array(all[start..<min(start + 500, all.count)])
                start += 500
                for m in try await ProjectStore.fullQuery(on: db).filter(\.$id ~~ slice).all() {
                    storedByKey["\(m.$enterprise.id)|\(m.code)"] = m
                }
            }
        }
        if mode == .create, let model = storedByKey.values.first {
            throw RegistryError.conflict(LocalizedText(
                zh: "项目 \(model.code) 在校验之后被另行创建；导入默认不覆盖已有项目，请重新导入或用 replace 方式",
                en: "project \(model.code) was created after the import was validated; an import does not overwrite by default: import again, or in replace mode"))
        }
        let versionNumbers = try await ProjectVersions.nextNumbers(of: storedByKey.values.compactMap(\.id), on: db)
        var replacement = Replacement(job: job, at: now)
        var result = Outcome()
        var replacedIDs: [UUID] = []

        for (i, r) in rows.enumerated() {
            let enterpriseID = enterpriseIDs[r.enterprise.creditCode]!
            let enterprise = declared[r.enterprise.creditCode]!
            let outcome = batch.evaluate(population, project: i)
            var recommendedFen = outcome.total, lines = outcome.recommendedCityInstruments
            if !libraries.isEmpty {
                var engine = consulting
                engine.designations = libraries.designations?.of(enterprise: r.enterprise.creditCode)
                if engine.librariesMayDecide(r.project) {
                    let combination = engine.evaluate(r.project).recommendation
                    recommendedFen = combination.total.fen
                    lines = combination.lines.map(\.id)
                }
            }
            let projectID: UUID
            if let model = storedByKey["\(enterpriseID)|\(r.project.id)"] {
                projectID = try model.requireID()
                guard try replacement.add(model, row: r, version: versionNumbers[projectID] ?? 1,
                                          afterFen: recommendedFen, afterInstruments: ProjectModel.instrumentList(lines)) else {
                    result.unchanged += 1
                    continue
                }
                result.replaced += 1
                replacedIDs.append(projectID)
                model.assign(r.project, enterpriseID: enterpriseID, enterpriseName: enterprise.name, district: enterprise.district,
                             recommendedFen: recommendedFen, instruments: lines)
                try await model.save(on: db)
            } else {
                projectID = bulk.ids.next()
                bulk.addProject(id: projectID, r.project, enterpriseID: enterpriseID, enterpriseName: enterprise.name,
                                district: enterprise.district, recommendedFen: recommendedFen, instruments: lines, at: now)
            }
            bulk.addChildren(of: r.project, projectID: projectID)
        }
        // The replaced projects' old children go before the new ones are written.
        try await ProjectStore.deleteChildren(of: replacedIDs, on: db)
        try await bulk.insert(on: db)
        try await replacement.insert(on: db)
        ids = bulk.ids
        return result
    }
}
