import FluentKit
import Foundation
import Policy

/// The ledger's state for one project, summed from its entries: the net paid under each
/// instrument (what its cap counts), per contract and year (so nothing is paid twice), per case
/// and instrument (what its award counts), and what each clawback still has owing.
struct LedgerSums {
    private(set) var underCap: [String: Money] = [:]
    private(set) var perUnit: [UnitKey: Money] = [:]
    private(set) var perAward: [AwardKey: Money] = [:]
    private(set) var owing: [UUID: Money] = [:]

    struct UnitKey: Hashable { var instrument: String; var contract: String?; var year: Int? }
    struct AwardKey: Hashable { var application: UUID; var instrument: String }

    static let paymentKinds: Set<String> = [LedgerEntryKind.grant.rawValue, LedgerEntryKind.interest.rawValue, LedgerEntryKind.lease.rawValue]

    init(_ entries: [LedgerEntryModel]) {
        let byID = Dictionary(entries.compactMap { e in e.id.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        for e in entries {
            let amount = Money(fen: e.amountFen)
            underCap[e.instrument, default: .zero] += amount
            if let app = e.applicationID { perAward[AwardKey(application: app, instrument: e.instrument), default: .zero] += amount }
            // A payment counts for its contract-year; so does a correction of one.
            var payment = Self.paymentKinds.contains(e.kind)
            if e.kind == LedgerEntryKind.correction.rawValue, let r = e.reverses, let original = byID[r] { payment = Self.paymentKinds.contains(original.kind) }
            if payment { perUnit[UnitKey(instrument: e.instrument, contract: e.contractID, year: e.year), default: .zero] += amount }
            // What a clawback has owing: its own amount, less the repayments (and corrections) against it.
            switch e.kind {
            case LedgerEntryKind.clawback.rawValue: if let id = e.id { owing[id, default: .zero] += Money(fen: e.owedFen) }
            case LedgerEntryKind.repayment.rawValue: if let r = e.reverses { owing[r, default: .zero] += Money(fen: e.owedFen) }
            case LedgerEntryKind.correction.rawValue:
                if let r = e.reverses, let original = byID[r] {
                    let target = original.kind == LedgerEntryKind.repayment.rawValue ? original.reverses : r
                    if let target, e.owedFen != 0 { owing[target, default: .zero] += Money(fen: e.owedFen) }
                }
            default: break
            }
        }
    }

    func paidUnderCap(_ instrument: String) -> Money { underCap[instrument] ?? .zero }
    func paidForUnit(_ instrument: String, contract: String?, year: Int?) -> Money { perUnit[UnitKey(instrument: instrument, contract: contract, year: year)] ?? .zero }
    func paidUnderAward(_ application: UUID?, _ instrument: String) -> Money {
        guard let application else { return .zero }
        return perAward[AwardKey(application: application, instrument: instrument)] ?? .zero
    }
    func owed(by clawback: UUID) -> Money { owing[clawback] ?? .zero }

    static func load(project id: UUID, on db: any Database) async throws -> (LedgerSums, [LedgerEntryModel]) {
        let entries = try await LedgerEntryModel.query(on: db).filter(\.$projectID == id).sort(\.$createdAt).all()
        return (LedgerSums(entries), entries)
    }
}
