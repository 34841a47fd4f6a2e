import FluentKit
import Foundation

/// Reading back what an import did, for the API and the command line.
extension ImportService {
    /// The import's record, or nil when there is none with this id.
    public func job(_ id: UUID) async throws -> ImportJobModel? {
        try await ImportJobModel.find(id, on: db)
    }

    /// The refused rows of an import, in row order.
    public func errors(of job: ImportJobModel) async throws -> [ImportErrorModel] {
        try await ImportErrorModel.query(on: db).filter(\.$job.$id == job.requireID()).sort(\.$row).all()
    }
}
