import API
import Foundation
import OpenAPIRuntime
import Policy
import Registry
import Tabular

/// Bulk import and export: the same services as `renewal import` and `renewal export`.
extension APIHandler {

    func createImport(_ input: Operations.CreateImport.Input) async throws -> Operations.CreateImport.Output {
        let body: HTTPBody
        let declared: ImportFormat
        switch input.body {
        case .csv(let b): body = b; declared = .csv
        case .applicationXNdjson(let b): body = b; declared = .jsonl
        case .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(let b): body = b; declared = .xlsx
        }
        guard let format = ImportFormat(rawValue: input.query.format.rawValue) else {
            throw BadRequest("未知的导入格式", "unknown import format", path: "format")
        }
        guard format == declared else {
            throw BadRequest("format 参数（\(format.rawValue)）与请求体类型（\(declared.rawValue)）不一致",
                             "the format parameter (\(format.rawValue)) differs from the body's content type (\(declared.rawValue))", path: "format")
        }
        let chunkSize = input.query.chunkSize ?? ImportService.defaultChunkSize
        guard (1...10_000).contains(chunkSize) else { throw BadRequest("chunkSize 应在 1 到 10000 之间", "chunkSize must be between 1 and 10000", path: "chunkSize") }
        let resume = try input.query.resume.map { try uuid($0, name: "resume") }
        if let resume, await services.importRunner.isRunning(resume) {
            throw RegistryError.conflict(LocalizedText(zh: "该导入正在进行", en: "the import is still running"))
        }
        // The upload goes to a temporary file as it arrives, and the import reads it from there:
        // memory stays flat for a file of a million rows. The runner removes it when the import ends.
        let upload = try await UploadSpool.write(body, limit: RequestLimits.upload)
        let service = services.importService(by: currentActor())
        let job: ImportJobModel
        do {
            job = try await service.start(.file(upload), format: format, fileName: "upload.\(format.rawValue)", chunkSize: chunkSize,
                                          mode: input.query.mode.flatMap { ImportMode(rawValue: $0.rawValue) }, resume: resume)
            try await services.importRunner.launch(job, service: service, upload: upload, format: format, logger: services.logger)
        } catch let error as TabularError {
            try? FileManager.default.removeItem(at: upload)
            // Not a table at all (no header, unknown columns, a damaged archive): the request's fault.
            throw BadRequest("无法读取文件：\(error.text(.zh))", "the file cannot be read: \(error.text(.en))")
        } catch {
            try? FileManager.default.removeItem(at: upload)
            throw error
        }
        let id = try job.requireID()
        if input.query.wait == true {
            await services.importRunner.wait(for: id)
            guard let done = try await services.importService(by: currentActor()).job(id) else { throw RegistryError.notFound(LocalizedText(zh: "导入任务已消失", en: "the import vanished")) }
            return .ok(.init(body: .json(try await report(done))))
        }
        return .accepted(.init(headers: .init(location: "/api/imports/\(id.uuidString.lowercased())"), body: .json(try await report(job))))
    }

    /// The report, with one page of the projects replaced.
    func report(_ job: ImportJobModel, page: Int = 1, perPage: Int = 50) async throws -> Components.Schemas.ImportReport {
        let service = services.importService(by: currentActor())
        let id = try job.requireID()
        let errors = try await service.errors(of: id)
        let changes = try await service.changes(of: id, offset: (page - 1) * perPage, limit: perPage)
        return .init(id: id.uuidString.lowercased(), format: .init(rawValue: job.format) ?? .csv,
                     mode: .init(rawValue: job.mode) ?? .create, status: .init(rawValue: job.status) ?? .partial,
                     rows: job.rows, imported: job.imported, failed: job.failed, chunks: job.chunks, committedChunks: job.committedChunks,
                     errors: errors.map { .init(row: $0.row, column: $0.column, message: .init(zh: $0.messageZh, en: $0.messageEn)) },
                     replaced: job.replaced, unchanged: job.unchanged, changes: changes.map(Self.change))
    }

    static func change(_ c: ImportChangeModel) -> Components.Schemas.ImportChange {
        .init(row: c.row, projectId: c.projectID.uuidString.lowercased(), creditCode: c.creditCode, projectCode: c.projectCode,
              version: c.version, recommendedTotalBefore: c.before.decimalString, recommendedTotalAfter: c.after.decimalString,
              instrumentsBefore: c.instrumentsBefore, instrumentsAfter: c.instrumentsAfter,
              fields: c.fields.map { .init(path: $0.path, kind: .init(rawValue: $0.kind.rawValue) ?? .changed, before: $0.before, after: $0.after) })
    }

    func getImport(_ input: Operations.GetImport.Input) async throws -> Operations.GetImport.Output {
        let id = try uuid(input.path.id)
        guard let job = try await services.importService(by: currentActor()).job(id) else {
            throw RegistryError.notFound(LocalizedText(zh: "未找到导入任务 \(input.path.id)", en: "no import \(input.path.id)"))
        }
        let (page, perPage) = try self.page(input.query.page, input.query.perPage)
        return .ok(.init(body: .json(try await report(job, page: page, perPage: perPage))))
    }

    func exportProjects(_ input: Operations.ExportProjects.Input) async throws -> Operations.ExportProjects.Output {
        let q = input.query
        var f = try filter(district: q.district, status: q.status, instrument: q.instrument, minAmount: q.minAmount,
                           maxAmount: q.maxAmount, text: q.q, sort: q.sort)
        f.scope = try visibility().scope
        var rows: [TabularExport.Row] = []
        try await store.forEachProject(f) { batch in
            for m in batch {
                rows.append((m.enterprise.domain(), m.domain()))
            }
        }
        return try exportFile(rows, format: q.format.rawValue, name: "projects")
    }

    /// The list as sent beside the projects now (`ListEntryView.exportHeaders`), then each
    /// project's columns, headers in Chinese.
    func exportRollingList(_ input: Operations.ExportRollingList.Input) async throws -> Operations.ExportRollingList.Output {
        let id = try uuid(input.path.id)
        let list = try await lists.list(id)
        var rows: [TabularExport.Row] = []
        var cells: [[ExportCell]] = []
        for entry in try list.entryViews() where entry.removedInVersion == nil {
            let m = try await store.project(entry.projectID)
            rows.append((m.enterprise.domain(), m.domain()))
            cells.append(entry.exportCells(listNumber: list.number))
        }
        let leading = TabularExport.Leading(headers: ListEntryView.exportHeaders, cells: cells)
        // exportFile answers 200 or throws; its other cases (errors) are never returned.
        guard case .ok(let file) = try exportFile(rows, leading: leading, format: input.query.format.rawValue,
                                                  name: "list-\(list.number)", sheetName: "List") else {
            throw BadRequest("无法导出", "cannot export")
        }
        return .ok(file)
    }

    /// The file of an export; `leading` columns (a list's own) come before each project's.
    func exportFile(_ rows: [TabularExport.Row], leading: TabularExport.Leading? = nil, format: String, name: String,
                    sheetName: String = "Projects") throws -> Operations.ExportProjects.Output {
        switch format {
        case "csv":
            return .ok(.init(headers: .init(contentDisposition: ContentDisposition.attachment("\(name).csv")),
                             body: .csv(HTTPBody(leading.map { TabularExport.csv(rows: rows, leading: $0) } ?? TabularExport.csv(rows: rows)))))
        case "xlsx":
            return .ok(.init(headers: .init(contentDisposition: ContentDisposition.attachment("\(name).xlsx")),
                             body: .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(
                                HTTPBody(try leading.map { try TabularExport.xlsx(rows: rows, leading: $0, sheetName: sheetName) } ?? TabularExport.xlsx(rows: rows)))))
        default:
            throw BadRequest("format 应为 csv 或 xlsx", "format must be csv or xlsx", path: "format")
        }
    }
}
