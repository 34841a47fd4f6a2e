import App
import Fluent
import Foundation
import Registry
import Workflow
import Testing
import Vapor

/// An import stopped between chunks keeps what it committed, is marked partial when its process
/// is found gone, and finishes when resumed with the same file.
@Suite struct ImportResumeTests {
    @Test(arguments: TestDatabase.all)
    func anInterruptedImportResumesWhereItStopped(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (jsonl, n) = try ImportExportAPITests.population(50)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("resume-\(UUID().uuidString).jsonl")
            try Data(jsonl.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let service = ImportService(db: app.db, library: app.policyLibrary, actor: .system("test"))
            let job = try await service.start(.file(file), format: .jsonl, fileName: "resume.jsonl", chunkSize: 10)
            let jobID = try job.requireID()

            // Stop the import from inside, after its second chunk has committed.
            let task = Task {
                try await service.execute(job, source: .file(file), format: .jsonl) { phase, rows in
                    if phase == "write" && rows >= 20 { withUnsafeCurrentTask { $0?.cancel() } }
                }
            }
            await #expect(throws: CancellationError.self) { _ = try await task.value }
            #expect(try await ProjectModel.query(on: app.db).count() == 20)

            // As if the process had died: the job is still running in the database until a server starts.
            #expect(try await ImportJobModel.find(jobID, on: app.db)?.status == "running")
            #expect(try await service.markInterrupted() == 1)
            let stopped = try #require(try await ImportJobModel.find(jobID, on: app.db))
            #expect(stopped.status == "partial" && stopped.committedChunks == 2)
            let notes = try await ImportErrorModel.query(on: app.db).filter(\.$job.$id == jobID).all()
            #expect(notes.count == 1 && notes.first?.row == 0)

            // Resumed with the same file: the rest is written, nothing twice, the note answered.
            let resumed = try await service.run(.file(file), format: .jsonl, fileName: "resume.jsonl", resume: jobID)
            #expect(resumed.status == "completed" && resumed.committedChunks == 5 && resumed.imported == n)
            #expect(try await ProjectModel.query(on: app.db).count() == n)
            #expect(try await ImportErrorModel.query(on: app.db).filter(\.$job.$id == jobID).count() == 0)
        }
    }
}
