import FluentKit
import Foundation
import Policy
import SQLKit
import Workflow

extension Reevaluation {
    /// The chunk's projects the libraries could decide otherwise than declared, evaluated again
    /// by the full engine consulting them (as `ProjectStore` and the plan routes do); the batch
    /// engine's answer stands for the rest (`Engine.librariesMayDecide`). The candidates are
    /// found by a few queries over the chunk — a product named, a category or flag a library
    /// decides, an enterprise designated — and only they are read as whole projects.
    func consultLibraries(_ chunk: StoredPopulation.Chunk, libraries all: LibrariesSnapshot?,
                          into found: inout (total: Int64, changed: [(index: Int, total: Int64, instruments: [String])])) async throws {
        guard let all, !chunk.ids.isEmpty else { return }
        let candidates = try await candidates(in: chunk, designated: Set(all.designations?.entries.map(\.creditCode) ?? []))
        guard !candidates.isEmpty else { return }
        let index = Dictionary(chunk.ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var changed = Dictionary(found.changed.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
        let base = Engine(library: library).consulting(all)
        for model in try await ProjectStore.fullQuery(on: db).filter(\.$id ~~ Array(candidates)).all() {
            guard let id = model.id, let i = index[id] else { continue }
            var engine = base
            engine.designations = all.designations?.of(enterprise: model.enterprise.creditCode)
            let project = model.domain()
            guard engine.librariesMayDecide(project) else { continue }
            let combination = engine.evaluate(project).recommendation
            let batchTotal = changed[i]?.total ?? chunk.recommendedFen[i]
            found.total += combination.total.fen - batchTotal
            let lines = combination.lines.map(\.id)
            if combination.total.fen != chunk.recommendedFen[i] || ProjectModel.instrumentList(lines) != chunk.recommendedInstruments[i] {
                changed[i] = (i, combination.total.fen, lines)
            } else {
                changed[i] = nil
            }
        }
        found.changed = changed.values.sorted { $0.index < $1.index }
    }

    /// The libraries a run consults, read once before its chunks: every listing and recognition
    /// (the projects' products are not known before reading them); nil when none is loaded.
    func librariesToConsult() async throws -> LibrariesSnapshot? {
        let reader = LibrariesReader(db: db, library: library, scenarios: scenarios)
        var all = try await reader.snapshot(for: [], enterprise: nil)
        guard !all.isEmpty else { return nil }
        if all.catalogue != nil { all.catalogue = try await CatalogueStore(db: db, rules: CatalogueRules()).snapshot(naming: nil) }
        if all.recognitions != nil { all.recognitions = try await reader.recognitions(naming: nil) }
        return all
    }

    /// The chunk's projects that name a product, carry a category or flag a library decides, or
    /// belong to a designated enterprise.
    func candidates(in chunk: StoredPopulation.Chunk, designated: Set<String>) async throws -> Set<UUID> {
        var out: Set<UUID> = []
        for (i, code) in chunk.creditCodes.enumerated() where designated.contains(code) { out.insert(chunk.ids[i]) }
        var categories: Set<String> = []
        for def in library.instruments {
            for c in def.conditions + def.unitConditions where c.isLibraryChecked {
                switch c.test {
                case .category(let id): categories.insert(id)
                case .anyCategory(let ids): categories.formUnion(ids)
                default: break
                }
            }
        }
        var start = 0
        while start < chunk.ids.count {
            let slice = Array(chunk.ids[start..<min(start + 500, chunk.ids.count)])
            start += 500
            for p in try await ProjectModel.query(on: db).filter(\.$id ~~ slice)
                .group(.or, { $0.filter(\.$innovativeContractProduct != nil).filter(\.$marketContractProduct != nil) }).all(\.$id) {
                out.insert(p)
            }
            out.formUnion(try await LoanModel.query(on: db).filter(\.$project.$id ~~ slice).filter(\.$catalogueProductId != nil).all(\.$project.$id))
            out.formUnion(try await LeaseModel.query(on: db).filter(\.$project.$id ~~ slice)
                .group(.or, { $0.filter(\.$catalogueProductId != nil).filter(\.$innovativeProduct == true) }).all(\.$project.$id))
            if !categories.isEmpty {
                out.formUnion(try await ProjectCategoryModel.query(on: db).filter(\.$project.$id ~~ slice)
                    .filter(\.$category ~~ Array(categories)).all(\.$project.$id))
            }
        }
        return out
    }
}
