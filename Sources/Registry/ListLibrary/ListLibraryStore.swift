import FluentKit
import Foundation
import Policy
import SQLKit
import Workflow

/// The list library (清单库): editions of each kind of list, published whole and kept whole
/// (append-only), their entries searchable, two editions compared, a kind's figure for the
/// dashboard. Every publication is in the audit trail, in its transaction.
public struct ListLibraryStore: Sendable {
    public let db: any Database
    public let kinds: ListKinds
    public let vocabulary: Vocabulary

    public init(db: any Database, kinds: ListKinds, vocabulary: Vocabulary) {
        self.db = db
        self.kinds = kinds
        self.vocabulary = vocabulary
    }

    public func kind(_ id: String) throws -> ListKind {
        guard let k = kinds.kind(id) else {
            throw RegistryError.notFound(LocalizedText(zh: "没有清单种类“\(id.prefix(64))”", en: "no kind of list '\(id.prefix(64))'"))
        }
        return k
    }

    public struct NewEdition: Sendable {
        public var kind: String
        public var title: String
        public var publishedOn: Day
        public var note: String?
        public init(kind: String, title: String, publishedOn: Day, note: String? = nil) {
            self.kind = kind
            self.title = title
            self.publishedOn = publishedOn
            self.note = note
        }
    }

    /// Publishes an edition from a file's bytes: every row checked first, the file refused whole
    /// with every bad row named by row and column (nothing written), else the edition and all
    /// its entries written in one transaction with their audit entry.
    public func publish(_ e: NewEdition, file: Data, format: ListFile.Format, today: Day, by who: AuditActor) async throws -> ListEditionModel {
        let kind = try kind(e.kind)
        var issues: [ValidationIssue] = []
        if e.title.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(ValidationIssue(path: "title", zh: "标题不能为空", en: "the title must not be empty"))
        } else if let p = TextKind.name.problem(in: e.title) {
            issues.append(ValidationIssue(path: "title", zh: "标题" + p.zh, en: "the title " + p.en))
        }
        if let note = e.note, let p = TextKind.note.problem(in: note) {
            issues.append(ValidationIssue(path: "note", zh: "说明" + p.zh, en: "the note " + p.en))
        }
        if e.publishedOn > today {
            issues.append(ValidationIssue(path: "publishedOn", zh: "发布日期不能晚于今天（\(today.iso)）", en: "the publication day cannot be after today (\(today.iso))"))
        }
        if !issues.isEmpty { throw RegistryError.invalid(issues) }
        let entries: [ListEntry]
        do {
            let (header, rows) = try ListFile.rows(file, format: format)
            switch ListEntryReader.read(kind: kind, vocabulary: vocabulary, header: header, rows: rows) {
            case .success(let read): entries = read
            case .failure(let failure): throw RegistryError.invalid(failure.issues)
            }
        } catch let failure as ListFileFailure {
            throw RegistryError.invalid(failure.issues)
        }
        return try await db.transaction { db in
            try await BudgetLock.take("list-edition|\(kind.id)", on: db)
            let last = try await ListEditionModel.query(on: db).filter(\.$kind == kind.id).sort(\.$number, .descending).first()
            if let last, let lastDay = Day(iso: last.publishedOn), e.publishedOn < lastDay {
                throw RegistryError.invalid([ValidationIssue(path: "publishedOn", zh: "发布日期不能早于上一版（第 \(last.number) 版，\(last.publishedOn)）",
                                                             en: "the publication day cannot be before the last edition's (edition \(last.number), \(last.publishedOn))")])
            }
            let m = ListEditionModel()
            let id = UUID()
            m.id = id
            m.kind = kind.id
            m.number = (last?.number ?? 0) + 1
            m.title = e.title.trimmingCharacters(in: .whitespaces)
            m.publishedOn = e.publishedOn.iso
            m.note = e.note
            m.entryCount = entries.count
            m.createdBy = who.name
            m.createdAt = Date()
            try await m.create(on: db)
            var models: [ListEditionEntryModel] = []
            for (i, entry) in entries.enumerated() { models.append(try ListEditionEntryModel.make(entry, edition: id, kind: kind.id, row: i + 1)) }
            // In slices: one statement per 500 entries keeps within SQLite's and PostgreSQL's bind limits.
            var start = 0
            while start < models.count {
                try await Array(models[start..<min(start + 500, models.count)]).create(on: db)
                start += 500
            }
            try await AuditTrail.append(AuditChange(action: "list.publish", subjectType: "list_edition", subjectID: id.uuidString.lowercased(),
                                                    before: nil, after: AuditChange.state([
                                                        "kind": kind.id, "number": String(m.number), "title": m.title, "publishedOn": m.publishedOn,
                                                        "entries": String(entries.count), "note": e.note])),
                                        by: who, on: db)
            return m
        }
    }

    /// The editions of a kind (nil: every kind), the newest first within a kind.
    public func editions(kind: String? = nil) async throws -> [ListEditionModel] {
        var q = ListEditionModel.query(on: db)
        if let kind { q = q.filter(\.$kind == kind) }
        return try await q.sort(\.$kind).sort(\.$number, .descending).all()
    }

    public func edition(_ id: UUID) async throws -> ListEditionModel {
        guard let m = try await ListEditionModel.find(id, on: db) else {
            throw RegistryError.notFound(LocalizedText(zh: "未找到清单版本 \(id.uuidString.lowercased())", en: "no list edition \(id.uuidString.lowercased())"))
        }
        return m
    }

    public func edition(kind: String, number: Int) async throws -> ListEditionModel {
        guard let m = try await ListEditionModel.query(on: db).filter(\.$kind == kind).filter(\.$number == number).first() else {
            throw RegistryError.notFound(LocalizedText(zh: "清单“\(kind)”没有第 \(number) 版", en: "the list '\(kind)' has no edition \(number)"))
        }
        return m
    }

    /// An edition's entries in its file's order.
    public func entries(of edition: UUID) async throws -> [ListEditionEntryModel] {
        try await ListEditionEntryModel.query(on: db).filter(\.$editionID == edition).sort(\.$row).all()
    }

    /// What changed from the edition `from` to `to` (the same kind).
    public func diff(from: UUID, to: UUID) async throws -> (from: ListEditionModel, to: ListEditionModel, diff: ListDiff) {
        let a = try await edition(from), b = try await edition(to)
        guard a.kind == b.kind else {
            throw RegistryError.conflict(LocalizedText(zh: "只能比较同一清单的两个版本", en: "only two editions of one list can be compared"))
        }
        let kind = try kind(a.kind)
        let old = try await entries(of: from).map(\.entry), new = try await entries(of: to).map(\.entry)
        return (a, b, ListDiff(from: old, to: new, kind: kind))
    }
}
