import FluentKit
import Foundation
import Policy

/// Writing and reading a project's earlier versions. The writes happen inside the caller's
/// transaction, the one that replaces the project: a replacement never commits without the
/// version it replaced.
enum ProjectVersions {
    /// The project as it stands (a model loaded with its children and enterprise), as version `number`.
    static func make(_ old: ProjectModel, number: Int, replacedBy: String, at now: Date) throws -> ProjectVersionModel {
        let v = ProjectVersionModel()
        v.projectID = try old.requireID()
        v.version = number
        v.creditCode = old.enterprise.creditCode
        v.projectCode = old.code
        v.status = old.status
        v.projectJSON = ProjectFileWriter.project(old.domain()).serialized()
        v.recommendedFen = old.recommendedFen
        v.recommendedInstruments = old.recommendedInstruments
        v.validFrom = old.updatedAt ?? old.createdAt
        v.replacedBy = replacedBy
        v.replacedAt = now
        return v
    }

    /// The number the next version of each project gets: one query for all of them.
    static func nextNumbers(of ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        var next: [UUID: Int] = [:]
        for id in ids { next[id] = 1 }
        var start = 0
        while start < ids.count {
            let slice = Array(ids[start..<min(start + 500, ids.count)])
            let rows = try await ProjectVersionModel.query(on: db).filter(\.$projectID ~~ slice)
                .field(\.$projectID).field(\.$version).all()
            for r in rows where r.version >= next[r.projectID, default: 1] { next[r.projectID] = r.version + 1 }
            start += 500
        }
        return next
    }

    /// Records the project as it stands, before it is replaced or deleted; returns its number.
    @discardableResult
    static func record(_ old: ProjectModel, replacedBy: String, on db: any Database) async throws -> Int {
        let id = try old.requireID()
        let number = try await nextNumbers(of: [id], on: db)[id] ?? 1
        try await make(old, number: number, replacedBy: replacedBy, at: Date()).create(on: db)
        return number
    }
}

extension ProjectStore {
    /// Every earlier version of a project, oldest first. A project deleted keeps its versions;
    /// 404 only when there is neither the project nor any version of it.
    public func versions(of id: UUID) async throws -> [ProjectVersionModel] {
        let versions = try await ProjectVersionModel.query(on: db).filter(\.$projectID == id).sort(\.$version).all()
        if versions.isEmpty, try await ProjectModel.find(id, on: db) == nil { throw Self.projectNotFound(id) }
        return versions
    }

    public func version(_ number: Int, of id: UUID) async throws -> ProjectVersionModel {
        guard let v = try await ProjectVersionModel.query(on: db).filter(\.$projectID == id).filter(\.$version == number).first() else {
            throw RegistryError.notFound(LocalizedText(zh: "项目 \(id.uuidString.lowercased()) 没有第 \(number) 版",
                                                       en: "project \(id.uuidString.lowercased()) has no version \(number)"))
        }
        return v
    }
}

extension ProjectVersionModel {
    /// The project as it was, read back with the engine's reader.
    public func project(vocabulary: Vocabulary) -> Project? {
        guard let tree = try? JSONParser.parse(projectJSON) else { return nil }
        return try? ProjectFileReader.readProject(tree, vocabulary: vocabulary).get()
    }

    public var projectTree: JSONValue? { try? JSONParser.parse(projectJSON) }

    public var instruments: [String] { recommendedInstruments.split(separator: ",").map(String.init) }
}
