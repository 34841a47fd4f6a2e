import FluentKit
import Foundation
import Policy
import Workflow

extension LedgerStore {
    /// The engine's payment for `target` on `subject`, from the confirmed figures and the
    /// ledger's sums: the question is put together here, every rule is the engine's.
    func compute(_ subject: PaymentSubject, instrument: String, target: PaymentTarget, sums: LedgerSums,
                 on db: any Database) async throws -> (PaymentComputation, institution: String?) {
        let basis: PaymentQuestion.Basis
        var institution: String?
        switch target {
        case .interest(let loanId, let year):
            institution = subject.project.loans.first { $0.id == loanId }?.lender
            basis = .interest(loanId: loanId, year: year, confirmed: try await Self.confirmedInterest(project: subject.projectID, loan: loanId, on: db))
        case .lease(let leaseId):
            institution = subject.project.leases.first { $0.id == leaseId }?.lessor
            guard let confirmed = try await LeaseConfirmationModel.query(on: db).filter(\.$projectID == subject.projectID).filter(\.$leaseID == leaseId).first() else {
                throw RegistryError.conflict(LocalizedText(zh: "出租人尚未确认融资租赁合同 \(leaseId) 的设备投资", en: "the lessor has not confirmed the equipment investment of lease \(leaseId)"))
            }
            basis = .lease(leaseId: leaseId, confirmedInvestment: Money(fen: confirmed.equipmentInvestmentFen))
        case .grant:
            basis = .grant
        }
        var award: Money?
        if subject.applicationID != nil { award = subject.awards[instrument] ?? .zero }
        let question = PaymentQuestion(instrument: instrument, basis: basis, paidUnderCap: sums.paidUnderCap(instrument),
                                       paidForUnit: sums.paidForUnit(instrument, contract: target.contractId, year: target.year),
                                       award: award, paidUnderAward: sums.paidUnderAward(subject.applicationID, instrument))
        return (engine.payment(question, project: subject.project, on: subject.policyDay), institution)
    }

    /// A computation as the ledger keeps it, with the library's version beside it.
    func computationJSON(_ c: PaymentComputation) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A value of plain fields: encoding cannot fail.
        return String(decoding: try! encoder.encode(KeptComputation(computation: c, libraryVersion: libraryVersion)), as: UTF8.self)
    }
}

/// A payment's computation as proposals and entries keep it: the engine's figures and the
/// library's version they came from.
public struct KeptComputation: Codable, Sendable {
    public var computation: PaymentComputation
    public var libraryVersion: String

    public static func decode(_ json: String) -> KeptComputation? {
        try? JSONDecoder().decode(KeptComputation.self, from: Data(json.utf8))
    }
}
