import FluentKit
import Foundation
import Policy

extension LedgerStore {
    public struct Page<T: Sendable>: Sendable {
        public var items: [T]
        public var total: Int
    }

    /// Entries in the order written, filtered by project, case, instrument.
    public func entries(scope: LedgerScope, project: UUID?, application: UUID?, instrument: String?, page: Int, perPage: Int) async throws -> Page<LedgerEntryModel> {
        let q = LedgerEntryModel.query(on: db)
        scope.apply(q)
        if let project { q.filter(\.$projectID == project) }
        if let application { q.filter(\.$applicationID == application) }
        if let instrument { q.filter(\.$instrument == instrument) }
        let total = try await q.count()
        let items = try await q.sort(\.$createdAt).sort(\.$id).range((page - 1) * perPage..<(page * perPage)).all()
        return Page(items: items, total: total)
    }

    public func proposals(scope: LedgerScope, state: PaymentProposalState?, batch: UUID?, project: UUID?, page: Int, perPage: Int) async throws -> Page<PaymentProposalModel> {
        let q = PaymentProposalModel.query(on: db)
        scope.apply(q)
        if let state { q.filter(\.$state == state.rawValue) }
        if let batch { q.filter(\.$batchID == batch) }
        if let project { q.filter(\.$projectID == project) }
        let total = try await q.count()
        let items = try await q.sort(\.$createdAt).sort(\.$id).range((page - 1) * perPage..<(page * perPage)).all()
        return Page(items: items, total: total)
    }

    public func proposal(_ id: UUID, scope: LedgerScope) async throws -> PaymentProposalModel {
        guard let p = try await PaymentProposalModel.find(id, on: db),
              scope.admits(enterpriseCode: p.enterpriseCode, district: p.district, institution: p.institution) else { throw Self.proposalNotFound(id) }
        return p
    }

    /// The confirmations of a project's loans and leases the account reaches (a bank: its own).
    public func confirmations(project: UUID, scope: LedgerScope) async throws -> ([InterestConfirmationModel], [LeaseConfirmationModel]) {
        guard let model = try await ProjectModel.query(on: db).filter(\.$id == project).with(\.$enterprise).first() else {
            throw ProjectStore.projectNotFound(project)
        }
        var interest = try await InterestConfirmationModel.query(on: db).filter(\.$projectID == project).sort(\.$loanID).sort(\.$year).all()
        var leases = try await LeaseConfirmationModel.query(on: db).filter(\.$projectID == project).sort(\.$leaseID).all()
        switch scope {
        case .records(let s):
            guard s.admits(creditCode: model.enterprise.creditCode, district: model.enterprise.district) else { throw ProjectStore.projectNotFound(project) }
        case .institution(let name):
            interest = interest.filter { $0.institution == name }
            leases = leases.filter { $0.institution == name }
        }
        return (interest, leases)
    }

    /// A bank's or lessor's contracts: the loans and leases of registered projects that name it.
    public struct InstitutionContract: Sendable {
        public var projectID: UUID
        public var projectCode: String
        public var enterpriseName: String
        public var kind: String
        public var contractID: String
        public var institution: String
        public var amount: Money
        public var confirmedYears: [Int]
    }

    public func contracts(institution: String?, page: Int, perPage: Int) async throws -> Page<InstitutionContract> {
        let loans = LoanModel.query(on: db).with(\.$project) { $0.with(\.$enterprise) }
        let leases = LeaseModel.query(on: db).with(\.$project) { $0.with(\.$enterprise) }
        if let institution { loans.filter(\.$lender == institution); leases.filter(\.$lessor == institution) }
        var out: [InstitutionContract] = []
        for l in try await loans.sort(\.$lender).all() {
            out.append(InstitutionContract(projectID: l.$project.id, projectCode: l.project.code, enterpriseName: l.project.enterprise.name, kind: "loan",
                                           contractID: l.code, institution: l.lender, amount: Money(fen: l.principalFen), confirmedYears: []))
        }
        for l in try await leases.sort(\.$lessor).all() {
            out.append(InstitutionContract(projectID: l.$project.id, projectCode: l.project.code, enterpriseName: l.project.enterprise.name, kind: "lease",
                                           contractID: l.code, institution: l.lessor, amount: Money(fen: l.equipmentInvestmentFen), confirmedYears: []))
        }
        let total = out.count
        var slice = Array(out.dropFirst((page - 1) * perPage).prefix(perPage))
        for i in slice.indices where slice[i].kind == "loan" {
            slice[i].confirmedYears = try await InterestConfirmationModel.query(on: db).filter(\.$projectID == slice[i].projectID)
                .filter(\.$loanID == slice[i].contractID).sort(\.$year).all().map(\.year)
        }
        return Page(items: slice, total: total)
    }

    /// The ledger in sums: paid, clawed back and owed by instrument, and the share of the
    /// support paid without an application (免申即享).
    public struct Summary: Sendable {
        public struct Line: Sendable {
            public var instrument: String
            public var paid: Money
            public var paidWithoutApplication: Money
            public var clawedBack: Money
            public var owed: Money
            public var entries: Int
        }
        public var lines: [Line]
        public var paid: Money { lines.map(\.paid).sum() }
        public var paidWithoutApplication: Money { lines.map(\.paidWithoutApplication).sum() }
        /// The share in hundredths of a percent, rounded down (nil when nothing is paid).
        public var shareWithoutApplicationBasisPoints: Int64? {
            paid.fen > 0 ? paidWithoutApplication.fen * 10_000 / paid.fen : nil
        }
    }

    public func summary(scope: LedgerScope) async throws -> Summary {
        let q = LedgerEntryModel.query(on: db)
        scope.apply(q)
        let entries = try await q.all()
        let byID = Dictionary(entries.compactMap { e in e.id.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        var lines: [String: Summary.Line] = [:]
        for e in entries {
            var line = lines[e.instrument] ?? Summary.Line(instrument: e.instrument, paid: .zero, paidWithoutApplication: .zero, clawedBack: .zero, owed: .zero, entries: 0)
            line.entries += 1
            let amount = Money(fen: e.amountFen)
            // What was paid (payments and their corrections) apart from what was taken back.
            var kind = e.kind
            if kind == LedgerEntryKind.correction.rawValue, let r = e.reverses, let original = byID[r] { kind = original.kind }
            if LedgerSums.paymentKinds.contains(kind) {
                line.paid += amount
                if e.applicationID == nil { line.paidWithoutApplication += amount }
            } else if kind == LedgerEntryKind.clawback.rawValue {
                line.clawedBack -= amount
            }
            line.owed += Money(fen: e.owedFen)
            lines[e.instrument] = line
        }
        return Summary(lines: lines.values.sorted { $0.instrument < $1.instrument })
    }
}
