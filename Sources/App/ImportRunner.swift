import Fluent
import Foundation
import Policy
import Registry
import Tabular
import Vapor

/// Imports posted through the API run here after the request has been answered (202): a
/// million-row file takes minutes, longer than a client should hold a request open. The client
/// follows the job at `GET /api/imports/{id}`.
///
/// On shutdown each running import is cancelled, stops between two chunks, and is marked partial
/// with a note: what committed stays, and the same file sent again with `resume` finishes it.
actor ImportRunner {
    private var running: [UUID: Task<Void, Never>] = [:]
    private var closed = false

    /// Runs the import in the background; the spooled upload is removed when it ends.
    func launch(_ job: ImportJobModel, service: ImportService, upload: URL, format: ImportFormat, logger: Logger) throws {
        let id = try job.requireID()
        guard !closed else {
            throw RegistryError.conflict(LocalizedText(zh: "服务正在关闭，请稍后续传", en: "the server is shutting down; resume later"))
        }
        let box = JobBox(job)
        running[id] = Task.detached {
            defer { try? FileManager.default.removeItem(at: upload) }
            do {
                _ = try await service.execute(box.job, source: .file(upload), format: format)
            } catch {
                let reason: LocalizedText
                if error is CancellationError {
                    reason = LocalizedText(zh: "服务关闭，导入中断；请用同一文件续传", en: "interrupted by the server shutting down; resume with the same file")
                } else {
                    logger.error("import failed", metadata: ["import": .string(id.uuidString.lowercased()), "error": .string(String(describing: error))])
                    reason = LocalizedText(zh: "导入中断：\(error)", en: "the import stopped: \(error)")
                }
                try? await service.interrupt(box.job, reason: reason)
            }
            await self.finished(id)
        }
    }

    func isRunning(_ id: UUID) -> Bool { running[id] != nil }

    /// Waits for one import to end (for `wait=true`).
    func wait(for id: UUID) async {
        await running[id]?.value
    }

    private func finished(_ id: UUID) { running[id] = nil }

    /// Cancels every running import and waits until each has recorded where it stopped.
    func shutdown() async {
        closed = true
        let tasks = Array(running.values)
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }
}

/// The job record handed to the import's task; only that task touches it from then on.
private final class JobBox: @unchecked Sendable {
    let job: ImportJobModel
    init(_ job: ImportJobModel) { self.job = job }
}

extension Application {
    private struct ImportRunnerKey: StorageKey { typealias Value = ImportRunner }

    var importRunner: ImportRunner {
        get {
            guard let runner = storage[ImportRunnerKey.self] else { fatalError("configure(_:settings:) starts the import runner first") }
            return runner
        }
        set { storage[ImportRunnerKey.self] = newValue }
    }
}

/// Lets running imports record where they stopped before the databases close.
struct ImportRunnerLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.importRunner.shutdown()
    }
}
