import FluentKit
import Foundation
import Policy
import Workflow

/// Takes the libraries snapshot the engine is handed (`LibrariesSnapshot`): the catalogue (十七),
/// the recognitions (十六) and the scenario tasks' designations (十八), read on `db` (a
/// transaction's, where the caller is in one), holding only what the projects at hand name.
///
/// **Library mode**, per library: a library is consulted once it holds anything — the catalogue
/// a listing, the recognitions an edition of a kind an instrument's `recognition:` names, the
/// designations one designation. Before that it is nil and the projects' declarations stand, so
/// a platform whose lists are not loaded yet answers as it did before the lists existed.
public struct LibrariesReader: Sendable {
    public let db: any Database
    public let library: PolicyLibrary
    public let scenarios: ScenarioFields

    public init(db: any Database, library: PolicyLibrary, scenarios: ScenarioFields) {
        self.db = db
        self.library = library
        self.scenarios = scenarios
    }

    /// The snapshot for these projects of one enterprise (nil: every enterprise's designations).
    public func snapshot(for projects: [Project], enterprise creditCode: String?) async throws -> LibrariesSnapshot {
        LibrariesSnapshot(
            catalogue: try await CatalogueStore(db: db, rules: CatalogueRules()).snapshot(naming: Set(projects.flatMap(\.catalogueProductIds))),
            recognitions: try await recognitions(naming: Set(projects.flatMap(\.recognisedProductIds))),
            designations: try await designations(of: creditCode))
    }

    /// The kinds of list an instrument's recognition check names (16.yaml: first-sets …).
    public var recognitionKinds: [String] {
        var kinds: [String] = []
        for def in library.instruments {
            for c in def.conditions + def.unitConditions {
                for k in c.recognition?.kinds ?? [] where !kinds.contains(k) { kinds.append(k) }
            }
        }
        return kinds
    }

    /// The recognitions naming these keys (all, when nil), from every published edition of the
    /// deciding kinds; nil while none of those kinds has an edition.
    public func recognitions(naming keys: Set<String>?) async throws -> RecognitionSnapshot? {
        let kinds = recognitionKinds
        guard !kinds.isEmpty else { return nil }
        let editions = try await ListEditionModel.query(on: db).filter(\.$kind ~~ kinds).all()
        guard !editions.isEmpty else { return nil }
        if let keys, keys.isEmpty { return RecognitionSnapshot(entries: []) }
        let byID = Dictionary(editions.compactMap { e in e.id.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        var entries: [RecognitionEntry] = []
        var query = ListEditionEntryModel.query(on: db).filter(\.$kind ~~ kinds)
        if let keys { query = query.filter(\.$key ~~ Array(keys)) }
        for m in try await query.all() {
            guard let edition = byID[m.editionID], let published = Day(iso: edition.publishedOn) else { continue }
            entries.append(RecognitionEntry(key: m.key, name: m.name, kind: m.kind, year: m.year, enterpriseCode: m.creditCode,
                                            edition: edition.number, editionTitle: edition.title, publishedOn: published))
        }
        return RecognitionSnapshot(entries: entries)
    }

    /// The designations of an enterprise (all, when nil), with their tasks; nil while the
    /// platform has designated nothing.
    public func designations(of creditCode: String?) async throws -> DesignationSnapshot? {
        guard try await ScenarioDesignationModel.query(on: db).first() != nil else { return nil }
        var query = ScenarioDesignationModel.query(on: db)
        if let creditCode { query = query.filter(\.$creditCode == creditCode) }
        let rows = try await query.all()
        guard !rows.isEmpty else { return DesignationSnapshot(entries: []) }
        let tasks = Dictionary(try await ScenarioTaskModel.query(on: db).filter(\.$id ~~ Set(rows.map(\.taskID))).all()
            .compactMap { t in t.id.map { ($0, t) } }, uniquingKeysWith: { a, _ in a })
        let projectIDs = rows.compactMap(\.projectID)
        let codes = projectIDs.isEmpty ? [:] : Dictionary(try await ProjectModel.query(on: db).filter(\.$id ~~ projectIDs).all()
            .compactMap { p in p.id.map { ($0, p.code) } }, uniquingKeysWith: { a, _ in a })
        return DesignationSnapshot(entries: rows.compactMap { d in
            guard let t = tasks[d.taskID], let day = Day(iso: d.designatedOn) else { return nil }
            return DesignationEntry(taskId: d.taskID.uuidString.lowercased(), taskTitle: t.title, batch: t.batch, field: t.field,
                                    fieldCategory: scenarios.field(t.field)?.category, creditCode: d.creditCode,
                                    projectCode: d.projectID.flatMap { codes[$0] }, designatedOn: day)
        })
    }
}

extension Engine {
    /// The engine consulting the stored libraries for these projects of one enterprise, read on
    /// `db`: what the plan routes, applications (the combination, the submission check, the
    /// decision's maxima) and stored recommendations are computed with, so they agree.
    public func checkingLibraries(of projects: [Project], enterprise creditCode: String?, scenarios: ScenarioFields,
                                  on db: any Database) async throws -> Engine {
        consulting(try await LibrariesReader(db: db, library: library, scenarios: scenarios).snapshot(for: projects, enterprise: creditCode))
    }
}
