import FluentKit
import Foundation
import Policy
import Workflow

extension LedgerStore {
    /// The longest reference a bank may give (a voucher or transaction number).
    public static let maxReference = 100

    /// A bank confirms the interest actually paid on one of its loans in one year. The loan must
    /// be the bank's (its lender is the bank's name, else the loan is not found for it); one
    /// confirmation per loan and year (a second is refused: it would change what a payment
    /// may already rest on).
    public func confirmInterest(project projectID: UUID, loan loanID: String, year: Int, interest: Money, paidOn: Day,
                                reference: String, institution: String, today: Day, by actor: AuditActor) async throws -> InterestConfirmationModel {
        let reference = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        var issues: [ValidationIssue] = []
        if !(2000...2100).contains(year) { issues.append(ValidationIssue(path: "$.year", zh: "年度应在 2000 至 2100 之间：\(year)", en: "the year must be between 2000 and 2100: \(year)")) }
        if interest < .zero { issues.append(ValidationIssue(path: "$.interest", zh: "利息不能为负", en: "the interest cannot be negative")) }
        if paidOn.year < year { issues.append(ValidationIssue(path: "$.paidOn", zh: "支付日 \(paidOn) 早于所属年度 \(year)", en: "the day paid, \(paidOn), is before the year \(year)")) }
        if paidOn > today { issues.append(ValidationIssue(path: "$.paidOn", zh: "支付日 \(paidOn) 晚于今天", en: "the day paid, \(paidOn), is after today")) }
        Self.checkReference(reference, into: &issues)
        guard issues.isEmpty else { throw RegistryError.invalid(issues) }
        return try await db.transaction { db in
            let loan = try await Self.contract(project: projectID, loan: loanID, institution: institution, on: db)
            if loan.principalFen > 0, interest.fen > loan.principalFen {
                throw Self.invalid("$.interest", "年度利息 \(interest.decimalString) 元超过贷款本金 \(Money(fen: loan.principalFen).decimalString) 元",
                                   "a year's interest of \(interest.decimalString) yuan exceeds the loan's principal of \(Money(fen: loan.principalFen).decimalString) yuan")
            }
            if try await InterestConfirmationModel.query(on: db).filter(\.$projectID == projectID).filter(\.$loanID == loanID).filter(\.$year == year).first() != nil {
                throw RegistryError.conflict(LocalizedText(zh: "贷款 \(loanID) 的 \(year) 年利息已经确认", en: "the interest of loan \(loanID) for \(year) is already confirmed"))
            }
            let row = InterestConfirmationModel()
            row.id = UUID()
            row.projectID = projectID
            row.loanID = loanID
            row.institution = institution
            row.year = year
            row.interestFen = interest.fen
            row.paidOn = paidOn.description
            row.reference = reference
            row.confirmedBy = actor.name
            row.createdAt = Date()
            try await row.create(on: db)
            try await AuditTrail.append(AuditChange(action: "ledger.interest-confirmed", subjectType: "project", subjectID: projectID.uuidString.lowercased(),
                                                    after: AuditChange.state(["loan": loanID, "year": String(year), "interest": interest.decimalString,
                                                                              "paidOn": paidOn.description, "reference": reference, "institution": institution])),
                                        by: actor, on: db)
            return row
        }
    }

    /// A lessor confirms the equipment investment of one of its leases, once.
    public func confirmLease(project projectID: UUID, lease leaseID: String, equipmentInvestment: Money, reference: String,
                             institution: String, today: Day, by actor: AuditActor) async throws -> LeaseConfirmationModel {
        let reference = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        var issues: [ValidationIssue] = []
        if equipmentInvestment <= .zero { issues.append(ValidationIssue(path: "$.equipmentInvestment", zh: "设备投资应大于 0", en: "the equipment investment must be above 0")) }
        Self.checkReference(reference, into: &issues)
        guard issues.isEmpty else { throw RegistryError.invalid(issues) }
        return try await db.transaction { db in
            guard let lease = try await LeaseModel.query(on: db).filter(\.$project.$id == projectID).filter(\.$code == leaseID).first(),
                  lease.lessor == institution else {
                throw RegistryError.notFound(LocalizedText(zh: "未找到本机构的融资租赁合同 \(leaseID)", en: "no lease \(leaseID) of this institution"))
            }
            if try await LeaseConfirmationModel.query(on: db).filter(\.$projectID == projectID).filter(\.$leaseID == leaseID).first() != nil {
                throw RegistryError.conflict(LocalizedText(zh: "融资租赁合同 \(leaseID) 的设备投资已经确认", en: "the equipment investment of lease \(leaseID) is already confirmed"))
            }
            let row = LeaseConfirmationModel()
            row.id = UUID()
            row.projectID = projectID
            row.leaseID = leaseID
            row.institution = institution
            row.equipmentInvestmentFen = equipmentInvestment.fen
            row.reference = reference
            row.confirmedOn = today.description
            row.confirmedBy = actor.name
            row.createdAt = Date()
            try await row.create(on: db)
            try await AuditTrail.append(AuditChange(action: "ledger.lease-confirmed", subjectType: "project", subjectID: projectID.uuidString.lowercased(),
                                                    after: AuditChange.state(["lease": leaseID, "equipmentInvestment": equipmentInvestment.decimalString,
                                                                              "reference": reference, "institution": institution])),
                                        by: actor, on: db)
            return row
        }
    }

    static func checkReference(_ reference: String, into issues: inout [ValidationIssue]) {
        if reference.isEmpty { issues.append(ValidationIssue(path: "$.reference", zh: "须填写凭证编号", en: "the reference is required")) }
        else if reference.count > maxReference { issues.append(ValidationIssue(path: "$.reference", zh: "凭证编号不能超过 \(maxReference) 个字符", en: "the reference must be at most \(maxReference) characters")) }
    }

    /// The loan of a project, if the institution is its lender (else not found: a bank cannot
    /// learn of another bank's loans).
    static func contract(project projectID: UUID, loan loanID: String, institution: String, on db: any Database) async throws -> LoanModel {
        guard let loan = try await LoanModel.query(on: db).filter(\.$project.$id == projectID).filter(\.$code == loanID).first(),
              loan.lender == institution else {
            throw RegistryError.notFound(LocalizedText(zh: "未找到本机构的贷款 \(loanID)", en: "no loan \(loanID) of this institution"))
        }
        return loan
    }

    /// Every confirmed year of a loan's interest, as the engine takes it.
    static func confirmedInterest(project projectID: UUID, loan loanID: String, on db: any Database) async throws -> [YearAmount] {
        try await InterestConfirmationModel.query(on: db).filter(\.$projectID == projectID).filter(\.$loanID == loanID).sort(\.$year).all()
            .map { YearAmount(year: $0.year, amount: Money(fen: $0.interestFen)) }
    }
}
