import FluentKit
import Foundation
import Policy
import Workflow
import Tabular

/// Bulk import of projects (CSV, XLSX, JSON Lines) into the registry.
///
/// Two passes. The first reads and validates every row and writes nothing: a file with any bad
/// row is refused whole, every bad row reported with its row and column — nothing half-stored.
/// A row whose project (enterprise by credit code, project id) is already stored is a bad row
/// too, unless the import is in `replace` mode: an import never overwrites in silence.
/// The second writes the rows in chunks, one transaction each, upserting enterprises by credit
/// code and, in replace mode, replacing stored projects — each keeping what it was as an earlier
/// version, each reported with what changed; the job records each committed chunk in the same
/// transaction, so an import interrupted by a crash or a database error resumes after its last
/// committed chunk (`resume:` with the same file).
public struct ImportService: Sendable {
    public let db: any Database
    public let library: PolicyLibrary
    /// Who imports, for the audit trail: one entry per committed chunk (the rows' own changes
    /// are in the import's change report).
    public let actor: AuditActor
    /// The scenario tasks' fields, for the designations the recommendations consult (十八).
    public var scenarios: ScenarioFields

    public init(db: any Database, library: PolicyLibrary, actor: AuditActor, scenarios: ScenarioFields = ScenarioFields()) {
        self.actor = actor
        self.db = db
        self.library = library
        self.scenarios = scenarios
    }

    /// Errors kept per import (the count of failed rows is always exact).
    static let errorLimit = 1000

    /// Rows a chunk when the caller does not say: a transaction each, and the unit of resuming.
    public static let defaultChunkSize = 5000

    /// Imports a file (read as it goes, so memory stays flat): `start`, then `execute`.
    public func run(_ source: TabularSource, format: ImportFormat, fileName: String, chunkSize: Int = defaultChunkSize, mode: ImportMode? = nil,
                    resume: UUID? = nil, progress: (@Sendable (_ phase: String, _ rows: Int) -> Void)? = nil) async throws -> ImportJobModel {
        let job = try await start(source, format: format, fileName: fileName, chunkSize: chunkSize, mode: mode, resume: resume)
        return try await execute(job, source: source, format: format, progress: progress)
    }

    /// What can be refused at once, before any row is read: a header that is not the format's
    /// (`TabularError`), a `resume` of no import, of another file or of a finished one. Returns the
    /// job, new (status running) or the one resumed. `mode` is `create` when not given; a resumed
    /// import keeps its own, and is refused if another is asked.
    public func start(_ source: TabularSource, format: ImportFormat, fileName: String, chunkSize: Int = defaultChunkSize,
                      mode: ImportMode? = nil, resume: UUID? = nil) async throws -> ImportJobModel {
        _ = try ImportRows.sequence(format, source: source, vocabulary: library.vocabulary)
        let digest = try ImportRows.digest(source)
        let job: ImportJobModel
        if let resume {
            guard let found = try await ImportJobModel.find(resume, on: db) else {
                throw RegistryError.notFound(LocalizedText(zh: "未找到导入任务 \(resume.uuidString.lowercased())", en: "no import \(resume.uuidString.lowercased())"))
            }
            guard found.fileDigest == digest, found.format == format.rawValue else {
                throw RegistryError.conflict(LocalizedText(zh: "续传须使用同一文件和格式", en: "a resumed import needs the same file and format"))
            }
            guard found.status != ImportStatus.completed.rawValue else {
                throw RegistryError.conflict(LocalizedText(zh: "该导入已完成", en: "the import is already complete"))
            }
            if let mode, mode.rawValue != found.mode {
                throw RegistryError.conflict(LocalizedText(zh: "续传须使用原导入的方式（\(found.mode)）", en: "a resumed import keeps its mode (\(found.mode))"))
            }
            job = found
            job.status = ImportStatus.running.rawValue
            try await db.transaction { db in
                // The note of the interruption is answered by resuming.
                try await ImportErrorModel.query(on: db).filter(\.$job.$id == resume).filter(\.$row == 0).delete()
                try await job.save(on: db)
            }
        } else {
            job = ImportJobModel()
            job.format = format.rawValue
            job.fileName = fileName
            job.fileDigest = digest
            job.chunkSize = max(1, min(chunkSize, 10_000))
            job.status = ImportStatus.running.rawValue
            job.mode = (mode ?? .create).rawValue
            job.rows = 0; job.imported = 0; job.failed = 0; job.chunks = 0; job.committedChunks = 0; job.replaced = 0; job.unchanged = 0
            try await job.create(on: db)
        }
        return job
    }

    /// Validates every row, then writes them chunk by chunk. Cancelling the task stops it between
    /// chunks; what committed stays and the import can be resumed (`interrupt`).
    public func execute(_ job: ImportJobModel, source: TabularSource, format: ImportFormat,
                        progress: (@Sendable (_ phase: String, _ rows: Int) -> Void)? = nil) async throws -> ImportJobModel {
        let jobID = try job.requireID()
        let vocabulary = library.vocabulary

        // Pass 1: validate everything; write nothing.
        var rows = 0
        var failures: [RowFailure] = []
        var failedRows = 0
        var seen = DuplicateRows()
        let mode = ImportMode(rawValue: job.mode) ?? .create
        var existing: ExistingProjects?
        if mode == .create { existing = try await ExistingProjects(db: db) }
        // Rows of the chunks an interrupted run committed are this import's own projects.
        let committedRows = job.committedChunks * job.chunkSize
        var good = 0
        var lastRow = -1, inRow = 0
        func refuse(_ f: RowFailure) {
            failedRows += 1
            if failures.count < Self.errorLimit { failures.append(f) }
        }
        for row in try ImportRows.sequence(format, source: source, vocabulary: vocabulary) {
            rows += 1
            var failure: RowFailure?
            switch row {
            case .failure(let f): failure = f
            case .success(let r):
                // A line of JSON Lines holds several projects: the k-th is `$.projects[k]`.
                inRow = r.row == lastRow ? inRow + 1 : 0
                lastRow = r.row
                let column = format == .jsonl ? "$.projects[\(inRow)].id" : "project_id"
                // The same project twice in one file is a mistake, not an update.
                if let first = seen.firstRow(of: r.enterprise.creditCode, r.project.id, row: r.row) {
                    failure = RowFailure(row: r.row, projectId: r.project.id, issues: [CellIssue(
                        column: column,
                        message: LocalizedText(zh: "项目 \(r.project.id) 在第 \(first) 行已出现", en: "project \(r.project.id) already appears on row \(first)"))])
                } else if good >= committedRows, existing != nil {
                    for f in try await existing!.check(.init(row: r.row, creditCode: r.enterprise.creditCode, projectId: r.project.id, column: column)) {
                        refuse(f)
                    }
                }
                good += 1
            }
            if let f = failure { refuse(f) }
            if rows % 10_000 == 0 {
                progress?("validate", rows)
                try Task.checkCancellation()
            }
        }
        if existing != nil { for f in try await existing!.flush() { refuse(f) } }
        job.rows = rows
        job.failed = failedRows
        job.chunks = (rows + job.chunkSize - 1) / job.chunkSize
        if failedRows > 0 {
            job.status = ImportStatus.failed.rawValue
            let errors = Self.errorRows(failures, job: jobID)
            try await db.transaction { db in
                try await ImportErrorModel.query(on: db).filter(\.$job.$id == jobID).delete()
                try await job.save(on: db)
                try await ProjectChildren.insert(errors, on: db)
            }
            return job
        }
        try await job.save(on: db)

        // Pass 2: write chunk by chunk, skipping the chunks an earlier run committed.
        let writer = try ImportChunkWriter(library: library, scenarios: scenarios)
        var ids = OrderedIDs()
        var index = 0
        func commit(_ rowsOfChunk: [ImportedRow]) async throws {
            defer { index += 1 }
            if index < job.committedChunks { return }
            try Task.checkCancellation()
            let committed = index + 1
            let start = ids
            ids = try await db.transaction { db in
                var chunkIDs = start
                let outcome = try await writer.write(rowsOfChunk, ids: &chunkIDs, mode: mode, job: jobID, on: db)
                job.committedChunks = committed
                job.imported += rowsOfChunk.count
                job.replaced += outcome.replaced
                job.unchanged += outcome.unchanged
                job.status = job.committedChunks == job.chunks ? ImportStatus.completed.rawValue : ImportStatus.running.rawValue
                try await job.save(on: db)
                try await AuditTrail.append(AuditChange(action: "import.chunk", subjectType: "import", subjectID: jobID.uuidString.lowercased(),
                                                        after: AuditChange.state(["chunk": String(committed), "rows": String(rowsOfChunk.count),
                                                                                  "replaced": String(outcome.replaced), "unchanged": String(outcome.unchanged),
                                                                                  "mode": mode.rawValue, "file": job.fileName])),
                                            by: actor, on: db)
                return chunkIDs
            }
            progress?("write", min(rows, (index + 1) * job.chunkSize))
        }
        // The file is read again a chunk ahead of the writes (`ChunkPrefetch`).
        let prefetch = ChunkPrefetch(try ImportRows.sequence(format, source: source, vocabulary: vocabulary), chunkSize: job.chunkSize)
        defer { prefetch.stop() }
        while let chunk = await prefetch.next() { try await commit(chunk) }
        if job.chunks == 0 {
            job.status = ImportStatus.completed.rawValue
            try await job.save(on: db)
        }
        return job
    }

    /// Records why an import stopped before its end (the server shutting down, a database
    /// error): status partial, so that it can be resumed with the same file; what committed stays.
    public func interrupt(_ job: ImportJobModel, reason: LocalizedText) async throws {
        let jobID = try job.requireID()
        job.status = ImportStatus.partial.rawValue
        let note = ImportErrorModel()
        note.$job.id = jobID
        note.row = 0
        note.column = nil
        note.messageZh = reason.zh
        note.messageEn = reason.en
        try await db.transaction { db in
            try await job.save(on: db)
            try await note.create(on: db)
        }
    }

    /// Imports left running by a process that stopped (a crash, a kill): marked partial, so their
    /// reports say so and they can be resumed. `renewal serve` calls this as it starts.
    public func markInterrupted() async throws -> Int {
        let stale = try await ImportJobModel.query(on: db).filter(\.$status == ImportStatus.running.rawValue).all()
        for job in stale {
            try await interrupt(job, reason: LocalizedText(zh: "导入在进程停止时中断；请用同一文件续传", en: "interrupted when its process stopped; resume with the same file"))
        }
        return stale.count
    }

    static func errorRows(_ failures: [RowFailure], job: UUID) -> [ImportErrorModel] {
        failures.flatMap { f in
            f.issues.map { issue in
                let e = ImportErrorModel()
                e.$job.id = job
                e.row = f.row
                e.column = issue.column
                e.messageZh = issue.message.zh
                e.messageEn = issue.message.en
                return e
            }
        }
    }
}

public enum ImportStatus: String, Sendable {
    /// Validating or writing.
    case running
    /// Refused: the file has bad rows; nothing was written.
    case failed
    /// Stopped before its end (some chunks may have committed); resume to finish.
    case partial
    case completed
}
