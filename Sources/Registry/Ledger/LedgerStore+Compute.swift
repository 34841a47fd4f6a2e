import FluentKit
import Foundation
import Policy
import Workflow

/// The confirmed figures a basis was computed on: if they are not the same under the lock,
/// the basis is computed again there.
enum ConfirmedFigures: Equatable, Sendable {
    case interest([YearAmount])
    case lease(Int64)
    case none
}

/// The costly, sum-free part of a payment (`Engine.paymentBasis`) with what it rests on.
struct PreparedPayment: Sendable {
    var subject: PaymentSubject
    var target: PaymentTarget
    var instrument: String
    var basis: PaymentComputation
    var institution: String?
    var confirmed: ConfirmedFigures
}

extension LedgerStore {
    /// The engine's payment for `target` on `subject`, from the confirmed figures and the
    /// ledger's sums: the question is put together here, every rule is the engine's.
    func compute(_ subject: PaymentSubject, instrument: String, target: PaymentTarget, sums: LedgerSums,
                 on db: any Database) async throws -> (PaymentComputation, institution: String?) {
        let prepared = try await prepare(subject, instrument: instrument, target: target, on: db)
        return (settle(prepared, sums: sums), prepared.institution)
    }

    func prepare(_ subject: PaymentSubject, instrument: String, target: PaymentTarget, on db: any Database) async throws -> PreparedPayment {
        let confirmed = try await confirmedFigures(target, project: subject.projectID, on: db)
        var institution: String?
        switch target {
        case .interest(let loanId, _): institution = subject.project.loans.first { $0.id == loanId }?.lender
        case .lease(let leaseId): institution = subject.project.leases.first { $0.id == leaseId }?.lessor
        case .grant: break
        }
        let question = Self.question(subject, instrument: instrument, target: target, confirmed: confirmed, sums: LedgerSums([]))
        return PreparedPayment(subject: subject, target: target, instrument: instrument,
                               basis: engine.paymentBasis(question, project: subject.project, on: subject.policyDay),
                               institution: institution, confirmed: confirmed)
    }

    func settle(_ prepared: PreparedPayment, sums: LedgerSums, poolRoom: Money? = nil) -> PaymentComputation {
        var question = Self.question(prepared.subject, instrument: prepared.instrument, target: prepared.target, confirmed: prepared.confirmed, sums: sums)
        question.poolRoom = poolRoom
        return Engine.settle(prepared.basis, with: question)
    }

    static func question(_ subject: PaymentSubject, instrument: String, target: PaymentTarget, confirmed: ConfirmedFigures, sums: LedgerSums) -> PaymentQuestion {
        let basis: PaymentQuestion.Basis
        switch (target, confirmed) {
        case (.interest(let loanId, let year), .interest(let years)): basis = .interest(loanId: loanId, year: year, confirmed: years)
        case (.interest(let loanId, let year), _): basis = .interest(loanId: loanId, year: year, confirmed: [])
        case (.lease(let leaseId), .lease(let fen)): basis = .lease(leaseId: leaseId, confirmedInvestment: Money(fen: fen))
        case (.lease(let leaseId), _): basis = .lease(leaseId: leaseId, confirmedInvestment: .zero)
        case (.grant, _): basis = .grant
        }
        var award: Money?
        if subject.applicationID != nil { award = subject.awards[instrument] ?? .zero }
        return PaymentQuestion(instrument: instrument, basis: basis, paidUnderCap: sums.paidUnderCap(instrument),
                               paidForUnit: sums.paidForUnit(instrument, contract: target.contractId, year: target.year),
                               award: award, paidUnderAward: sums.paidUnderAward(subject.applicationID, instrument))
    }

    /// What the bank or lessor has confirmed for the target (a lease must be confirmed before it is paid).
    func confirmedFigures(_ target: PaymentTarget, project: UUID, on db: any Database) async throws -> ConfirmedFigures {
        switch target {
        case .interest(let loanId, _):
            return .interest(try await Self.confirmedInterest(project: project, loan: loanId, on: db))
        case .lease(let leaseId):
            guard let confirmed = try await LeaseConfirmationModel.query(on: db).filter(\.$projectID == project).filter(\.$leaseID == leaseId).first() else {
                throw RegistryError.conflict(LocalizedText(zh: "出租人尚未确认融资租赁合同 \(leaseId) 的设备投资", en: "the lessor has not confirmed the equipment investment of lease \(leaseId)"))
            }
            return .lease(confirmed.equipmentInvestmentFen)
        case .grant:
            return .none
        }
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
