import FluentKit
import Foundation
import Policy
import Workflow

/// Rolling lists (滚动清单): create, revise (a new version each time), publish, send to banks.
public struct RollingListStore: Sendable {
    public let db: any Database

    /// The scenario tasks' fields, for the designations a publication's amounts consult (十八).
    public var scenarios: ScenarioFields

    public init(db: any Database, scenarios: ScenarioFields = ScenarioFields()) {
        self.db = db
        self.scenarios = scenarios
    }

    public enum Status: String, Sendable { case draft, published, sent }

    static func notFound(_ id: UUID) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到清单 \(id.uuidString.lowercased())", en: "no rolling list \(id.uuidString.lowercased())"))
    }

    public func create(number: String, title: String, note: String?, by actor: AuditActor) async throws -> UUID {
        try await db.transaction { db in
            if try await RollingListModel.query(on: db).filter(\.$number == number).count() > 0 {
                throw RegistryError.conflict(LocalizedText(zh: "清单编号 \(number) 已存在", en: "list number \(number) already exists"))
            }
            let list = RollingListModel()
            let id = UUID()
            list.id = id
            list.number = number
            list.title = title
            list.note = note
            list.status = Status.draft.rawValue
            list.version = 1
            try await list.create(on: db)
            let version = RollingListVersionModel()
            version.$list.id = id
            version.version = 1
            version.note = note
            version.added = 0
            version.removed = 0
            version.sentTo = ""
            try await version.create(on: db)
            try await AuditTrail.append(AuditChange(action: "list.create", subjectType: "rolling_list", subjectID: id.uuidString.lowercased(),
                                                    after: AuditChange.state(["number": number, "title": title, "note": note])),
                                        by: actor, on: db)
            return id
        }
    }

    public func all() async throws -> [RollingListModel] {
        try await RollingListModel.query(on: db).with(\.$entries).sort(\.$number).all()
    }

    public func list(_ id: UUID) async throws -> RollingListModel {
        let query = RollingListModel.query(on: db).filter(\.$id == id)
            .with(\.$entries) { entry in entry.with(\.$project) { project in project.with(\.$enterprise) } }
            .with(\.$versions).with(\.$snapshots)
        guard let list = try await query.first() else { throw Self.notFound(id) }
        return list
    }

    /// A new version: adds and removes projects; removed entries keep their history.
    public func revise(_ id: UUID, add: [UUID], remove: [UUID], note: String?, by actor: AuditActor) async throws {
        try await db.transaction { db in
            guard let list = try await RollingListModel.query(on: db).filter(\.$id == id).with(\.$entries).first() else {
                throw Self.notFound(id)
            }
            var issues: [ValidationIssue] = []
            let current = Dictionary(list.entries.filter { $0.removedInVersion == nil }.map { ($0.$project.id, $0) }, uniquingKeysWith: { a, _ in a })
            for (k, projectID) in add.enumerated() {
                if current[projectID] != nil {
                    issues.append(ValidationIssue(path: "$.add[\(k)]", zh: "项目已在清单上", en: "the project is already on the list"))
                } else if try await ProjectModel.find(projectID, on: db) == nil {
                    issues.append(ValidationIssue(path: "$.add[\(k)]", zh: "未找到该项目", en: "no such project"))
                }
            }
            for (k, projectID) in remove.enumerated() where current[projectID] == nil {
                issues.append(ValidationIssue(path: "$.remove[\(k)]", zh: "项目不在清单上", en: "the project is not on the list"))
            }
            if !issues.isEmpty { throw RegistryError.invalid(issues) }
            let version = list.version + 1
            for projectID in add {
                let entry = RollingListEntryModel()
                entry.$list.id = id
                entry.$project.id = projectID
                entry.addedInVersion = version
                try await entry.create(on: db)
            }
            for projectID in remove {
                let entry = current[projectID]!
                entry.removedInVersion = version
                try await entry.save(on: db)
            }
            list.version = version
            list.status = Status.draft.rawValue
            try await list.save(on: db)
            let v = RollingListVersionModel()
            v.$list.id = id
            v.version = version
            v.note = note
            v.added = add.count
            v.removed = remove.count
            v.sentTo = ""
            try await v.create(on: db)
            func ids(_ list: [UUID]) -> String { list.map { $0.uuidString.lowercased() }.joined(separator: ",") }
            try await AuditTrail.append(AuditChange(action: "list.revise", subjectType: "rolling_list", subjectID: id.uuidString.lowercased(),
                                                    before: AuditChange.state(["version": String(version - 1)]),
                                                    after: AuditChange.state(["version": String(version), "added": ids(add),
                                                                              "removed": ids(remove), "note": note])),
                                        by: actor, on: db)
        }
    }

    /// Publishes the current version, keeping what each of its projects is now (a snapshot, in
    /// the same transaction): what is sent stays as sent — with the amount of each instrument of
    /// its recommended combination, evaluated by `engine` as the project's own total was. A list
    /// with no project is refused.
    public func publish(_ id: UUID, engine: Engine, by actor: AuditActor) async throws {
        try await db.transaction { db in
            guard let list = try await RollingListModel.find(id, on: db) else { throw Self.notFound(id) }
            guard let version = try await RollingListVersionModel.query(on: db).filter(\.$list.$id == id)
                .filter(\.$version == list.version).first() else { throw Self.notFound(id) }
            if version.publishedAt != nil {
                throw RegistryError.conflict(LocalizedText(zh: "本版本已发布，修订后才能再次发布", en: "this version is already published; revise the list first"))
            }
            let entries = try await RollingListEntryModel.query(on: db).filter(\.$list.$id == id).filter(\.$removedInVersion == nil)
                .all()
            if entries.isEmpty {
                throw RegistryError.conflict(LocalizedText(zh: "清单没有项目，不能发布：请先修订清单、纳入项目",
                                                           en: "the list has no projects and cannot be published: add projects with a revision first"))
            }
            let now = Date()
            var snapshots: [RollingListSnapshotModel] = []
            let ids = entries.map(\.$project.id)
            var start = 0
            while start < ids.count {
                let slice = Array(ids[start..<min(start + 500, ids.count)])
                start += 500
                let projects = try await ProjectStore.fullQuery(on: db).filter(\.$id ~~ slice).all()
                let libraries = try await LibrariesReader(db: db, library: engine.library, scenarios: scenarios)
                    .snapshot(for: projects.map { $0.domain() }, enterprise: nil)
                for project in projects {
                    // With the libraries, as the plan routes and the stored recommendation:
                    // one snapshot of the slice, the designations those of each project's enterprise.
                    let domain = project.domain()
                    var consulting = libraries
                    consulting.designations = libraries.designations?.of(enterprise: project.enterprise.creditCode)
                    let lines = engine.consulting(consulting).evaluate(domain).recommendation.lines
                    snapshots.append(try RollingListSnapshotModel(list: id, version: list.version, project: project,
                                                                  lines: lines.map { ($0.id, $0.amount) }, at: now))
                }
            }
            try await ProjectChildren.insert(snapshots, on: db)
            version.publishedAt = now
            try await version.save(on: db)
            let before = list.status
            list.status = Status.published.rawValue
            try await list.save(on: db)
            try await AuditTrail.append(AuditChange(action: "list.publish", subjectType: "rolling_list", subjectID: id.uuidString.lowercased(),
                                                    before: AuditChange.state(["status": before]),
                                                    after: AuditChange.state(["status": list.status, "version": String(list.version),
                                                                              "projects": String(snapshots.count)])),
                                        by: actor, on: db)
        }
    }

    public func send(_ id: UUID, to recipients: [String], by actor: AuditActor) async throws {
        try await db.transaction { db in
            guard let list = try await RollingListModel.find(id, on: db) else { throw Self.notFound(id) }
            guard let version = try await RollingListVersionModel.query(on: db).filter(\.$list.$id == id)
                .filter(\.$version == list.version).first(), version.publishedAt != nil else {
                throw RegistryError.conflict(LocalizedText(zh: "清单当前版本尚未发布，不能发送", en: "the list's current version is not published"))
            }
            let already = version.sentTo.split(separator: "\n").map(String.init)
            version.sentTo = (already + recipients.filter { !already.contains($0) }).joined(separator: "\n")
            try await version.save(on: db)
            let before = list.status
            list.status = Status.sent.rawValue
            try await list.save(on: db)
            try await AuditTrail.append(AuditChange(action: "list.send", subjectType: "rolling_list", subjectID: id.uuidString.lowercased(),
                                                    before: AuditChange.state(["status": before, "sentTo": already.joined(separator: ",")]),
                                                    after: AuditChange.state(["status": list.status, "sentTo": version.sentTo.split(separator: "\n").joined(separator: ",")])),
                                        by: actor, on: db)
        }
    }
}
