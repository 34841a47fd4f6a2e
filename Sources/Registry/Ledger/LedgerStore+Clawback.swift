import FluentKit
import Foundation
import Policy
import Workflow

extension LedgerStore {
    /// Takes support back: a clawback entry that lowers the support paid under the instrument
    /// (on the case, when there is one) and records the amount the enterprise owes. It frees the
    /// cap's room by as much; the computation kept says how much room there was before and after.
    public func clawBack(project projectID: UUID, application: UUID?, instrument: String, amount: Money, ground: ClawbackGround,
                         reason: String, today: Day, by actor: AuditActor) async throws -> LedgerEntryModel {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var issues: [ValidationIssue] = []
        if amount <= .zero { issues.append(ValidationIssue(path: "$.amount", zh: "追回金额应大于 0", en: "the amount must be above 0")) }
        Self.checkReason(reason, into: &issues)
        guard issues.isEmpty else { throw RegistryError.invalid(issues) }
        return try await db.transaction { db in
            try await LedgerLock.take(projectID, on: db)
            let (sums, entries) = try await LedgerSums.load(project: projectID, on: db)
            guard let any = entries.first else {
                throw RegistryError.conflict(LocalizedText(zh: "该项目尚无拨付，无可追回", en: "nothing has been paid to the project: nothing can be clawed back"))
            }
            if let application, !entries.contains(where: { $0.applicationID == application }) {
                throw Self.invalid("$.applicationId", "该申报在此项目上没有拨付", "the application has no payment on this project")
            }
            // A ground the platform can check is checked: a revoked filing is on record.
            if ground == .revokedCommitment,
               try await CommitmentFilingModel.query(on: db).filter(\.$project.$id == projectID).filter(\.$status == CommitmentFilingStatus.revoked.rawValue).first() == nil {
                throw Self.invalid("$.ground", "该项目没有被撤销的承诺备案", "the project has no revoked commitment filing")
            }
            let paid = application.map { sums.paidUnderAward($0, instrument) } ?? sums.paidUnderCap(instrument)
            if amount > paid {
                throw Self.invalid("$.amount", "追回金额 \(amount.decimalString) 元超过已拨付净额 \(paid.decimalString) 元",
                                   "the amount, \(amount.decimalString) yuan, exceeds the net paid of \(paid.decimalString) yuan")
            }
            let before = sums.paidUnderCap(instrument)
            let after = before - amount
            let grounds = AuditChange.state([
                "ground": ground.rawValue, "groundZh": ground.label.zh, "groundEn": ground.label.en,
                "paidBefore": before.decimalString, "paidAfter": after.decimalString,
                "capRoomBefore": engine.capRoom(instrument, paid: before, on: today)?.decimalString,
                "capRoomAfter": engine.capRoom(instrument, paid: after, on: today)?.decimalString,
                "libraryVersion": libraryVersion])
            let entry = Self.entry(like: any, instrument: instrument, application: application, kind: .clawback,
                                   amount: Money(fen: -amount.fen), owed: amount, reason: reason, computation: grounds, today: today, by: actor)
            try await entry.create(on: db)
            try await AuditTrail.append(AuditChange(action: "ledger.clawback", subjectType: "ledger-entry", subjectID: entry.id!.uuidString.lowercased(),
                                                    caseID: application?.uuidString.lowercased(), after: Self.state(entry)), by: actor, on: db)
            return entry
        }
    }

    /// The enterprise pays back (part of) what a clawback made it owe.
    public func repay(clawback clawbackID: UUID, amount: Money, paidOn: Day, reference: String, today: Day,
                      by actor: AuditActor) async throws -> LedgerEntryModel {
        let reference = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        var issues: [ValidationIssue] = []
        if amount <= .zero { issues.append(ValidationIssue(path: "$.amount", zh: "退回金额应大于 0", en: "the amount must be above 0")) }
        if paidOn > today { issues.append(ValidationIssue(path: "$.paidOn", zh: "退回日 \(paidOn) 晚于今天", en: "the day paid, \(paidOn), is after today")) }
        Self.checkReference(reference, into: &issues)
        guard issues.isEmpty else { throw RegistryError.invalid(issues) }
        return try await db.transaction { db in
            guard let clawback = try await LedgerEntryModel.find(clawbackID, on: db), clawback.kind == LedgerEntryKind.clawback.rawValue else {
                throw RegistryError.notFound(LocalizedText(zh: "未找到追回记录 \(clawbackID.uuidString.lowercased())", en: "no clawback \(clawbackID.uuidString.lowercased())"))
            }
            try await LedgerLock.take(clawback.projectID, on: db)
            let (sums, _) = try await LedgerSums.load(project: clawback.projectID, on: db)
            let owed = sums.owed(by: clawbackID)
            if amount > owed {
                throw Self.invalid("$.amount", "退回金额 \(amount.decimalString) 元超过尚欠 \(owed.decimalString) 元",
                                   "the amount, \(amount.decimalString) yuan, exceeds the \(owed.decimalString) yuan still owed")
            }
            let entry = Self.entry(like: clawback, instrument: clawback.instrument, application: clawback.applicationID, kind: .repayment,
                                   amount: .zero, owed: Money(fen: -amount.fen), reason: reference,
                                   computation: AuditChange.state(["paidOn": paidOn.description, "reference": reference,
                                                                   "owedBefore": owed.decimalString, "owedAfter": (owed - amount).decimalString]),
                                   today: today, by: actor)
            entry.reverses = clawbackID
            try await entry.create(on: db)
            try await AuditTrail.append(AuditChange(action: "ledger.repayment", subjectType: "ledger-entry", subjectID: entry.id!.uuidString.lowercased(),
                                                    caseID: clawback.applicationID?.uuidString.lowercased(), after: Self.state(entry)), by: actor, on: db)
            return entry
        }
    }

    /// Puts a mistaken entry right: a correction that reverses it exactly (never an edit). An
    /// entry is reversed once; a correction is not itself reversed (record the entry anew); a
    /// clawback with repayments against it is reversed after them.
    public func correct(_ entryID: UUID, reason: String, today: Day, by actor: AuditActor) async throws -> LedgerEntryModel {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var issues: [ValidationIssue] = []
        Self.checkReason(reason, into: &issues)
        guard issues.isEmpty else { throw RegistryError.invalid(issues) }
        return try await db.transaction { db in
            guard let original = try await LedgerEntryModel.find(entryID, on: db) else { throw Self.entryNotFound(entryID) }
            try await LedgerLock.take(original.projectID, on: db)
            let (sums, entries) = try await LedgerSums.load(project: original.projectID, on: db)
            if original.kind == LedgerEntryKind.correction.rawValue {
                throw RegistryError.conflict(LocalizedText(zh: "更正记录不能再被更正", en: "a correction is not itself corrected: record the entry anew"))
            }
            if entries.contains(where: { $0.kind == LedgerEntryKind.correction.rawValue && $0.reverses == entryID }) {
                throw RegistryError.conflict(LocalizedText(zh: "该记录已被更正", en: "the entry is corrected already"))
            }
            if original.kind == LedgerEntryKind.clawback.rawValue, sums.owed(by: entryID).fen != original.owedFen {
                throw RegistryError.conflict(LocalizedText(zh: "该追回已有退回款项，请先更正退回记录", en: "repayments stand against this clawback: correct them first"))
            }
            let entry = Self.entry(like: original, instrument: original.instrument, application: original.applicationID, kind: .correction,
                                   amount: Money(fen: -original.amountFen), owed: Money(fen: -original.owedFen), reason: reason,
                                   computation: AuditChange.state(["reverses": entryID.uuidString.lowercased(), "kind": original.kind,
                                                                   "amount": Money(fen: original.amountFen).decimalString]),
                                   today: today, by: actor)
            entry.contractID = original.contractID
            entry.year = original.year
            entry.proposalID = original.proposalID
            entry.reverses = entryID
            try await entry.create(on: db)
            try await AuditTrail.append(AuditChange(action: "ledger.correction", subjectType: "ledger-entry", subjectID: entry.id!.uuidString.lowercased(),
                                                    caseID: original.applicationID?.uuidString.lowercased(), after: Self.state(entry)), by: actor, on: db)
            return entry
        }
    }

    public static let maxReason = 2000

    static func checkReason(_ reason: String, into issues: inout [ValidationIssue]) {
        if reason.isEmpty { issues.append(ValidationIssue(path: "$.reason", zh: "须说明理由", en: "a reason is required")) }
        else if reason.count > maxReason { issues.append(ValidationIssue(path: "$.reason", zh: "理由不能超过 \(maxReason) 个字符", en: "the reason must be at most \(maxReason) characters")) }
    }

    /// A new entry on the same project, enterprise and district as `other`.
    static func entry(like other: LedgerEntryModel, instrument: String, application: UUID?, kind: LedgerEntryKind, amount: Money, owed: Money,
                      reason: String, computation: String, today: Day, by actor: AuditActor) -> LedgerEntryModel {
        let e = LedgerEntryModel()
        e.id = UUID()
        e.projectID = other.projectID
        e.enterpriseCode = other.enterpriseCode
        e.district = other.district
        e.applicationID = application
        e.instrument = instrument
        e.contractID = nil
        e.institution = kind == .correction ? other.institution : nil
        e.year = nil
        e.kind = kind.rawValue
        e.amountFen = amount.fen
        e.owedFen = owed.fen
        e.origin = kind == .correction ? other.origin : (application == nil ? LedgerOrigin.automatic.rawValue : LedgerOrigin.application.rawValue)
        e.proposalID = nil
        e.reverses = nil
        e.reason = reason
        e.computationJSON = computation
        e.recordedOn = today.description
        e.recordedBy = actor.name
        e.createdAt = Date()
        return e
    }
}
