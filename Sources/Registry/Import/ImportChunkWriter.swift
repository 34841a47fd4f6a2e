import Fluent
import Foundation
import Policy
import Tabular

/// Writes one chunk of imported rows inside the caller's transaction: enterprises upserted by
/// credit code, projects by (enterprise, project id) — a project already stored is replaced, its
/// status and history kept — children in multi-row inserts, recommended totals from the batch
/// engine (the same results as `match`, at a microsecond a project).
struct ImportChunkWriter: Sendable {
    let library: PolicyLibrary
    let batch: BatchEvaluator

    init(library: PolicyLibrary) throws {
        self.library = library
        let ids = try PopulationBuilder(vocabulary: library.vocabulary).population.categoryIds
        batch = BatchEvaluator(library: library, categoryIds: ids)
    }

    func write(_ rows: [ImportedRow], on db: any Database) async throws {
        // Enterprises: the last row's details win for an enterprise named on several rows.
        var declared: [String: Enterprise] = [:]
        for r in rows { declared[r.enterprise.creditCode] = r.enterprise }
        let existing = try await EnterpriseModel.query(on: db).filter(\.$creditCode ~~ Array(declared.keys)).all()
        var byCode = Dictionary(existing.map { ($0.creditCode, $0) }, uniquingKeysWith: { a, _ in a })
        var created: [EnterpriseModel] = []
        for (code, e) in declared {
            if let model = byCode[code] {
                if model.name != e.name || model.district != e.district || model.industryCode != e.industryCode {
                    model.name = e.name; model.district = e.district; model.industryCode = e.industryCode
                    try await model.save(on: db)
                }
            } else {
                let model = EnterpriseModel(id: UUID(), creditCode: code, name: e.name, district: e.district, industryCode: e.industryCode)
                created.append(model)
                byCode[code] = model
            }
        }
        try await Self.insert(created, on: db)

        // Recommended totals for the chunk.
        var builder = try PopulationBuilder(vocabulary: library.vocabulary)
        for r in rows { builder.append(r.project, enterprise: r.enterprise) }
        let population = builder.population

        // Projects already stored are replaced in place.
        let enterpriseIDs = Set(try rows.map { try byCode[$0.enterprise.creditCode]!.requireID() })
        let codes = Set(rows.map(\.project.id))
        let stored = try await ProjectModel.query(on: db).filter(\.$enterprise.$id ~~ Array(enterpriseIDs)).filter(\.$code ~~ Array(codes)).all()
        var storedByKey = Dictionary(stored.map { ("\($0.$enterprise.id)|\($0.code)", $0) }, uniquingKeysWith: { a, _ in a })

        var newProjects: [ProjectModel] = []
        var events: [StatusEventModel] = []
        var children = ProjectChildren()
        let now = Date()
        for (i, r) in rows.enumerated() {
            let enterprise = byCode[r.enterprise.creditCode]!
            let enterpriseID = try enterprise.requireID()
            let outcome = batch.evaluate(population, project: i)
            let lines = (0..<outcome.cityCount).filter { outcome.inCombination[$0] }.map { outcome.instrumentIds[$0] }
            let key = "\(enterpriseID)|\(r.project.id)"
            let model: ProjectModel
            let isNew = storedByKey[key] == nil
            if let existing = storedByKey[key] {
                model = existing
                try await ProjectStore.deleteChildren(of: try model.requireID(), on: db)
            } else {
                model = ProjectModel()
                model.id = UUID()
                model.status = ProjectStatus.reserve.rawValue
                newProjects.append(model)
                events.append(StatusEventModel(id: UUID(), projectID: model.id!, from: nil, to: ProjectStatus.reserve.rawValue, note: nil, at: now))
                storedByKey[key] = model
            }
            model.assign(r.project, enterpriseID: enterpriseID, enterpriseName: enterprise.name, district: enterprise.district,
                         recommendedFen: outcome.total, instruments: lines)
            if !isNew { try await model.save(on: db) }
            children.append(ProjectModel.children(of: r.project, projectID: model.id!))
        }
        try await Self.insert(newProjects, on: db)
        try await Self.insert(events, on: db)
        try await children.create(on: db)
    }

    static func insert<M: Model>(_ rows: [M], on db: any Database) async throws {
        try await ProjectChildren.insert(rows, on: db)
    }
}
