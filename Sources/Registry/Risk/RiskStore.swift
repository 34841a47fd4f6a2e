import FluentKit
import Foundation
import Policy
import Risk
import Workflow

/// Which flags the city-wide list shows.
public struct RiskFlagFilter: Sendable {
    public var kind: RiskKind?
    public var district: String?

    public init(kind: RiskKind? = nil, district: String? = nil) {
        self.kind = kind
        self.district = district
    }
}

/// The risk flags raised on submission, read back: a case's, and the city's list. Writing is
/// the submission's (`ApplicationStore.submit`), in its transaction.
public struct RiskStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    public func flags(ofApplication id: UUID) async throws -> [RiskFlagModel] {
        try await RiskFlagModel.query(on: db).filter(\.$applicationID == id).sort(\.$raisedAt).sort(\.$kind).sort(\.$id).all()
    }

    public func list(_ filter: RiskFlagFilter, page: Int, perPage: Int) async throws -> (items: [RiskFlagModel], total: Int) {
        let query = RiskFlagModel.query(on: db)
        if let kind = filter.kind { query.filter(\.$kind == kind.rawValue) }
        if let district = filter.district { query.filter(\.$district == district) }
        let total = try await query.count()
        let items = try await query.sort(\.$raisedAt, .descending).sort(\.$id).range((page - 1) * perPage..<(page * perPage)).all()
        return (items, total)
    }

    /// Flags the project of an application against the registry's population and writes the
    /// flags, with one audit entry naming their kinds. Runs inside the caller's transaction.
    static func raise(for application: ApplicationModel, project: ProjectModel, settings: RiskSettings, library: PolicyLibrary,
                      libraryVersion: String, day: Day, by who: AuditActor, on db: any Database) async throws -> [RiskFlag] {
        let population = try await RiskPopulationLoader.load(on: db)
        let enterprise = project.enterprise.domain()
        let file = ProjectFile(enterprise: enterprise, projects: [project.riskProject()])
        let flags = RiskScanner(settings: settings, library: library, day: day).check(file, against: population)
        let applicationID = try application.requireID()
        let now = Date()
        for flag in flags {
            let m = RiskFlagModel()
            m.applicationID = applicationID
            m.projectID = try project.requireID()
            m.creditCode = flag.project.creditCode
            m.projectCode = flag.project.projectId
            m.district = application.district
            m.kind = flag.kind.rawValue
            m.reasonZh = flag.reason.zh
            m.reasonEn = flag.reason.en
            m.evidence = RiskEvidence(flag).json
            m.libraryVersion = libraryVersion
            m.raisedOn = day.iso
            m.raisedAt = now
            try await m.create(on: db)
        }
        // The trail records flags raised; a submission without any adds no entry.
        guard !flags.isEmpty else { return flags }
        let id = applicationID.uuidString.lowercased()
        try await AuditTrail.append(AuditChange(
            action: "application.risk-flags", subjectType: "application", subjectID: id, caseID: id,
            after: AuditChange.state(["count": String(flags.count), "kinds": flags.map(\.kind.rawValue).joined(separator: ","),
                                      "libraryVersion": libraryVersion])), by: who, on: db)
        return flags
    }
}
