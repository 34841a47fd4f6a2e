import FluentKit
import Foundation
import Policy
import SQLKit
import Workflow

extension CommitmentStore {
    /// Locks the filing's row for the rest of the transaction and reads it (as
    /// `ApplicationStore.lock` does for a case).
    static func lock(_ id: UUID, on db: any Database) async throws -> CommitmentFilingModel {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("UPDATE commitment_filings SET revision = revision + 1 WHERE id = \(bind: id)").run()
        }
        guard let model = try await CommitmentFilingModel.find(id, on: db) else { throw notFound(id) }
        return model
    }

    /// Records a verification of a filing (核查): the commitment kept — only for a drawn filing —
    /// moves it to `verified`; breached — drawn, verified or reported, with reasons — revokes it.
    /// A revoked filing that had moved its project from the reserve to `filed` moves the project
    /// back to the reserve (through the project's status change, recorded as such); a project
    /// that was filed before the commitment keeps its status. The verification row stays as
    /// the ledger's record of what to claw back. Refused: 404 outside the scope, 409 from a
    /// status that does not allow it, 422 for a breach without reasons.
    public func verify(_ id: UUID, kept: Bool, reasons: String?, on day: Day, by who: AuditActor,
                       scope: RecordScope = .everything) async throws -> CommitmentVerificationModel {
        let reasons = reasons?.trimmingCharacters(in: .whitespacesAndNewlines)
        if !kept, (reasons ?? "").isEmpty {
            throw RegistryError.invalid([ValidationIssue(path: "$.reasons", zh: "未履行承诺时应写明理由", en: "a breach needs its reasons")])
        }
        return try await db.transaction { db in
            let filing = try await Self.lock(id, on: db)
            guard scope.admits(creditCode: filing.creditCode, district: filing.district) else { throw Self.notFound(id) }
            let current = CommitmentFilingStatus(rawValue: filing.status) ?? .filed
            guard let next = current.verified(commitmentKept: kept) else {
                throw RegistryError.conflict(kept
                    ? LocalizedText(zh: "只有抽中待核查的承诺备案才能核查通过（当前：\(current.label.zh)）",
                                    en: "only a filing drawn for verification can be found kept (it is \(current.label.en))")
                    : LocalizedText(zh: "承诺备案已撤销", en: "the filing is already revoked"))
            }
            let verification = CommitmentVerificationModel()
            verification.id = UUID()
            verification.$filing.id = id
            verification.sampleID = filing.sampleID
            verification.applicationID = filing.$application.id
            verification.projectID = filing.$project.id
            verification.creditCode = filing.creditCode
            verification.outcome = kept ? "kept" : "breached"
            verification.reasons = (reasons ?? "").isEmpty ? nil : reasons
            verification.statusBefore = current.rawValue
            verification.statusAfter = next.rawValue
            verification.verifiedOn = day.description
            verification.verifiedBy = who.name
            verification.verifiedAt = Date()

            filing.status = next.rawValue
            if next == .revoked {
                filing.revokedOn = day.description
                filing.revocationReasons = reasons
            }
            try await filing.save(on: db)

            var projectMove: (from: ProjectStatus, to: ProjectStatus)?
            if next == .revoked, filing.movedProject,
               let project = try await ProjectModel.find(filing.$project.id, on: db),
               let status = ProjectStatus(rawValue: project.status), status != .reserve {
                try await ProjectStore(db: db, engine: engine).setStatus(filing.$project.id, to: .reserve,
                    note: "承诺备案 \(filing.number) 撤销 / commitment filing \(filing.number) revoked", by: who)
                projectMove = (status, .reserve)
            }
            verification.projectStatusBefore = projectMove?.from.rawValue
            verification.projectStatusAfter = projectMove?.to.rawValue
            try await verification.create(on: db)
            try await AuditTrail.append(AuditChange(action: next == .revoked ? "commitment.revoke" : "commitment.verify",
                                                    subjectType: "commitment_filing", subjectID: id.uuidString.lowercased(),
                                                    caseID: filing.$application.id.uuidString.lowercased(),
                                                    before: AuditChange.state(["status": current.rawValue]),
                                                    after: AuditChange.state(["status": next.rawValue, "outcome": verification.outcome,
                                                                              "reasons": verification.reasons,
                                                                              "verification": try verification.requireID().uuidString.lowercased(),
                                                                              "projectStatus": projectMove?.to.rawValue])),
                                        by: who, on: db)
            return verification
        }
    }
}

extension CommitmentFilingStatus {
    public var label: LocalizedText {
        switch self {
        case .filed: return LocalizedText(zh: "已备案", en: "filed")
        case .selectedForVerification: return LocalizedText(zh: "抽中待核查", en: "drawn for verification")
        case .verified: return LocalizedText(zh: "核查通过", en: "verified")
        case .revoked: return LocalizedText(zh: "已撤销", en: "revoked")
        }
    }
}
