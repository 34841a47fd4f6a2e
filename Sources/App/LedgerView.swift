import API
import Foundation
import Policy
import Registry

/// The ledger's records as the contract writes them.
extension APIHandler {
    static func id(_ u: UUID?) -> String { (u ?? UUID()).uuidString.lowercased() }

    static func contract(_ c: LedgerStore.InstitutionContract) -> Components.Schemas.InstitutionContract {
        .init(projectId: c.projectID.uuidString.lowercased(), projectCode: c.projectCode, enterpriseName: c.enterpriseName,
              kind: c.kind == "loan" ? .loan : .lease, contractId: c.contractID, institution: c.institution,
              amount: c.amount.decimalString, confirmedYears: c.confirmedYears)
    }

    static func confirmation(_ c: InterestConfirmationModel) throws -> Components.Schemas.InterestConfirmation {
        .init(id: try c.requireID().uuidString.lowercased(), projectId: c.projectID.uuidString.lowercased(), loanId: c.loanID,
              institution: c.institution, year: c.year, interest: Money(fen: c.interestFen).decimalString, paidOn: c.paidOn,
              reference: c.reference, confirmedBy: c.confirmedBy)
    }

    static func confirmation(_ c: LeaseConfirmationModel) throws -> Components.Schemas.LeaseConfirmation {
        .init(id: try c.requireID().uuidString.lowercased(), projectId: c.projectID.uuidString.lowercased(), leaseId: c.leaseID,
              institution: c.institution, equipmentInvestment: Money(fen: c.equipmentInvestmentFen).decimalString,
              reference: c.reference, confirmedOn: c.confirmedOn, confirmedBy: c.confirmedBy)
    }

    static func computation(_ json: String) -> Components.Schemas.PaymentComputation {
        guard let kept = KeptComputation.decode(json) else {
            return .init(instrument: "", clause: "", name: .init(zh: "", en: ""), base: "0.00", uncapped: "0.00", paidForUnit: "0.00",
                         paidUnderCap: "0.00", amount: "0.00", evaluationDate: "2000-01-01", libraryVersion: "")
        }
        let c = kept.computation
        return .init(instrument: c.instrument, clause: c.clause, name: .init(zh: c.name.zh, en: c.name.en), contractId: c.contractId, year: c.year,
                     base: c.base.decimalString, ratio: c.ratio?.decimalString, uncapped: c.uncapped.decimalString,
                     paidForUnit: c.paidForUnit.decimalString, cap: c.cap?.decimalString, paidUnderCap: c.paidUnderCap.decimalString,
                     capRoom: c.capRoom?.decimalString, award: c.award?.decimalString, awardRoom: c.awardRoom?.decimalString, poolRoom: c.poolRoom?.decimalString,
                     amount: c.amount.decimalString,
                     limitedBy: c.limitedBy.flatMap { Components.Schemas.PaymentComputation.LimitedByPayload(rawValue: $0) },
                     place: c.place.flatMap { Components.Schemas.YearPlace(rawValue: $0.rawValue) },
                     evaluationDate: c.evaluationDate.description, libraryVersion: kept.libraryVersion)
    }

    static func proposal(_ p: PaymentProposalModel) throws -> Components.Schemas.PaymentProposal {
        .init(id: try p.requireID().uuidString.lowercased(), projectId: p.projectID.uuidString.lowercased(), creditCode: p.enterpriseCode,
              district: p.district, applicationId: p.applicationID?.uuidString.lowercased(), instrument: p.instrument,
              basis: Components.Schemas.PaymentBasis(rawValue: p.basis) ?? .grant, contractId: p.contractID, institution: p.institution,
              year: p.year, amount: Money(fen: p.amountFen).decimalString, computation: computation(p.computationJSON),
              origin: Components.Schemas.LedgerOrigin(rawValue: p.origin) ?? .application, batchId: p.batchID?.uuidString.lowercased(),
              state: Components.Schemas.PaymentProposalState(rawValue: p.state) ?? .proposed, proposedOn: p.proposedOn, proposedBy: p.proposedBy,
              settledOn: p.settledOn, settledBy: p.settledBy, entryId: p.entryID?.uuidString.lowercased(), note: p.note)
    }

    static func entry(_ e: LedgerEntryModel) throws -> Components.Schemas.LedgerEntry {
        .init(id: try e.requireID().uuidString.lowercased(), projectId: e.projectID.uuidString.lowercased(), creditCode: e.enterpriseCode,
              district: e.district, applicationId: e.applicationID?.uuidString.lowercased(), instrument: e.instrument, contractId: e.contractID,
              institution: e.institution, year: e.year, kind: Components.Schemas.LedgerEntryKind(rawValue: e.kind) ?? .correction,
              amount: Money(fen: e.amountFen).decimalString, owed: Money(fen: e.owedFen).decimalString,
              origin: Components.Schemas.LedgerOrigin(rawValue: e.origin) ?? .application, proposalId: e.proposalID?.uuidString.lowercased(),
              reverses: e.reverses?.uuidString.lowercased(), reason: e.reason, computation: e.computationJSON, recordedOn: e.recordedOn,
              recordedBy: e.recordedBy)
    }
}
