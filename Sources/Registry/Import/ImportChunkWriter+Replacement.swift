import FluentKit
import Foundation
import Policy
import Tabular

extension ImportChunkWriter {
    /// The earlier versions and change records of the projects a chunk replaces, written together
    /// at the end of the chunk (in its transaction).
    struct Replacement {
        let job: UUID
        let at: Date
        var versions: [ProjectVersionModel] = []
        var changes: [ImportChangeModel] = []

        init(job: UUID, at: Date) {
            self.job = job
            self.at = at
        }

        /// Records the replacement of a stored project (loaded with its children) by a row;
        /// false when the row leaves it as it was (same project, same recommendation).
        mutating func add(_ model: ProjectModel, row r: ImportedRow, version: Int, afterFen: Int64, afterInstruments: String) throws -> Bool {
            let before = model.domain()
            let fields = ProjectChanges.between(before, r.project)
            // The batch engine may list a combination's instruments in another order than `match`.
            func set(_ list: String) -> Set<Substring> { Set(list.split(separator: ",")) }
            if fields.isEmpty, model.recommendedFen == afterFen, set(model.recommendedInstruments) == set(afterInstruments) { return false }
            versions.append(try ProjectVersions.make(model, number: version, replacedBy: "import \(job.uuidString.lowercased())", at: at))
            let c = ImportChangeModel()
            c.$job.id = job
            c.row = r.row
            c.projectID = try model.requireID()
            c.creditCode = r.enterprise.creditCode
            c.projectCode = r.project.id
            c.version = version
            c.beforeFen = model.recommendedFen
            c.afterFen = afterFen
            c.beforeInstruments = model.recommendedInstruments
            c.afterInstruments = afterInstruments
            c.changesJSON = fields.encoded()
            changes.append(c)
            return true
        }

        func insert(on db: any Database) async throws {
            try await ProjectChildren.insert(versions, on: db)
            try await ProjectChildren.insert(changes, on: db)
        }
    }
}
