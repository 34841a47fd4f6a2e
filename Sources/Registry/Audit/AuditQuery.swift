import FluentKit
import Foundation

/// Which entries of the audit trail to read: one case's, one user's, one subject's, or all.
public struct AuditQuery: Sendable {
    public var caseID: String?
    public var actorUserID: UUID?
    public var subjectType: String?
    public var subjectID: String?
    /// Entries after this sequence number (a cursor for reading or exporting everything).
    public var afterSeq: Int64
    public var limit: Int

    public init(caseID: String? = nil, actorUserID: UUID? = nil, subjectType: String? = nil, subjectID: String? = nil,
                afterSeq: Int64 = 0, limit: Int = 100) {
        self.caseID = caseID
        self.actorUserID = actorUserID
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.afterSeq = afterSeq
        self.limit = limit
    }
}

extension AuditTrail {
    /// The entries that match, oldest first.
    public static func entries(_ query: AuditQuery, on db: any Database) async throws -> [AuditEntryModel] {
        var builder = AuditEntryModel.query(on: db).filter(\.$seq > query.afterSeq)
        if let caseID = query.caseID { builder = builder.filter(\.$caseID == caseID) }
        if let user = query.actorUserID { builder = builder.filter(\.$actorUserID == user) }
        if let type = query.subjectType { builder = builder.filter(\.$subjectType == type) }
        if let id = query.subjectID { builder = builder.filter(\.$subjectID == id) }
        return try await builder.sort(\.$seq).limit(query.limit).all()
    }
}
