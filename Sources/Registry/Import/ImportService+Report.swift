import FluentKit
import Foundation
import Policy

/// Reading an import's report: its refused rows, and the projects it replaced a page at a time
/// (a million-row replacement must not make a million-entry answer).
extension ImportService {
    /// The import's record, or nil when there is none with this id.
    public func job(_ id: UUID) async throws -> ImportJobModel? {
        try await ImportJobModel.find(id, on: db)
    }

    public func errors(of job: UUID) async throws -> [ImportErrorModel] {
        try await ImportErrorModel.query(on: db).filter(\.$job.$id == job).sort(\.$row).all()
    }

    /// The replaced projects from `offset`, by row.
    public func changes(of job: UUID, offset: Int = 0, limit: Int = 50) async throws -> [ImportChangeModel] {
        try await ImportChangeModel.query(on: db).filter(\.$job.$id == job).sort(\.$row).sort(\.$projectCode)
            .range(offset..<(offset + limit)).all()
    }
}

extension ImportChangeModel {
    public var fields: [FieldChange] { [FieldChange].decoded(changesJSON) }
    public var before: Money { Money(fen: beforeFen) }
    public var after: Money { Money(fen: afterFen) }
    public var instrumentsBefore: [String] { beforeInstruments.split(separator: ",").map(String.init) }
    public var instrumentsAfter: [String] { afterInstruments.split(separator: ",").map(String.init) }
}
