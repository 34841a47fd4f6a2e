import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// The officers' ledger and budget pools (`/ledger`): the sums by instrument, the proposals
/// awaiting approval (one by one, or a 免申即享 batch whole) with the city officer's approval,
/// the latest entries, a project's banks' and lessors' confirmations, and the budget pools with
/// their room. Every figure is the store's (`LedgerStore.summary`, `BudgetStore.figures`), read
/// in the scope the API reads it (a district officer its district); an approval is the store's
/// `approve` / `approveBatch` after the API's own scope check, its refusal shown as the store
/// words it. The page adds no amount up and decides nothing.
struct LedgerPage: Sendable {
    let site: WebSite
    static let perPage = 50

    struct SumRow: Encodable { var instrument: String; var paid: String; var withoutApplication: String; var clawedBack: String; var owed: String; var entries: Int }
    struct ProposalRow: Encodable {
        var id: String; var project: String; var creditCode: String; var district: String; var instrument: String
        var basis: String; var contract: String?; var year: Int?; var amount: String; var origin: String; var proposedOn: String; var batch: String?
    }
    struct BatchRow: Encodable { var id: String; var count: Int }
    struct EntryRow: Encodable {
        var project: String; var creditCode: String; var district: String; var instrument: String; var kind: String
        var contract: String?; var year: Int?; var amount: String; var owed: String?; var recordedOn: String; var by: String; var reason: String?
    }
    struct ConfirmationRow: Encodable { var what: String; var contract: String; var institution: String; var amount: String; var on: String; var reference: String }
    struct PoolRow: Encodable {
        var instrument: String; var year: Int; var district: String; var version: Int; var method: String
        var budget: String; var committed: String; var paid: String; var room: String; var uncommitted: String; var short: Bool
    }
    struct Body: Encodable {
        var sums: [SumRow]
        var proposals: [ProposalRow]; var proposalsTotal: Int
        var batches: [BatchRow]
        var entries: [EntryRow]; var entriesTotal: Int
        var pools: [PoolRow]
        var canApprove: Bool
        var project: String?; var confirmations: [ConfirmationRow]?
        var errors: PageErrors; var done: String?
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["ledger"], id: "ledger") { p in
            try await show(p, errors: PageErrors(), done: p.req.query[String.self, at: "done"].flatMap(Self.doneKey))
        }
        site.page(routes, .POST, ["ledger", "proposals", ":id", "approve"], id: "ledgerApprove") { p in try await approve(p) }
        site.page(routes, .POST, ["ledger", "batches", ":id", "approve"], id: "ledgerApproveBatch") { p in try await approveBatch(p) }
    }

    static func doneKey(_ raw: String) -> String? { ["approved": "ledger_done_approved", "batch": "ledger_done_batch"][raw] }

    func services(_ p: WebSite.PageRequest) -> PlatformServices { p.req.application.platformServices }
    func principal(_ p: WebSite.PageRequest) throws -> Principal {
        guard let access = p.access else { throw Abort(.unauthorized) }
        return access.account.principal
    }
    func visibility(_ p: WebSite.PageRequest) throws -> Visibility { Visibility(try principal(p), vocabulary: services(p).library.vocabulary) }
    /// The API's `ledgerScope` for the roles this page admits (officers): their records' scope.
    func scope(_ p: WebSite.PageRequest) throws -> LedgerScope { .records(try visibility(p).scope) }
    func actor(_ p: WebSite.PageRequest) throws -> AuditActor { AuditActor(principal: try principal(p), address: p.req.clientAddress) }

    func show(_ p: WebSite.PageRequest, errors: PageErrors, done: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = p.lang, library = services(p).library, ledger = services(p).ledgerStore()
        let scope = try scope(p)
        func district(_ id: String) -> String { library.vocabulary.district(named: id)?.name.text(lang) ?? id }
        func amount(_ fen: Int64) -> String { AmountText.shown(Money(fen: fen), lang) }
        let sums = try await ledger.summary(scope: scope).lines.map {
            SumRow(instrument: $0.instrument, paid: AmountText.shown($0.paid, lang), withoutApplication: AmountText.shown($0.paidWithoutApplication, lang),
                   clawedBack: AmountText.shown($0.clawedBack, lang), owed: AmountText.shown($0.owed, lang), entries: $0.entries)
        }
        let open = try await ledger.proposals(scope: scope, state: .proposed, batch: nil, project: nil, page: 1, perPage: Self.perPage)
        let proposals = try open.items.map { m in
            ProposalRow(id: try m.requireID().uuidString.lowercased(), project: m.projectID.uuidString.lowercased(), creditCode: m.enterpriseCode,
                        district: district(m.district), instrument: m.instrument, basis: site.catalogue.text("ledger_basis_" + m.basis, lang),
                        contract: m.contractID, year: m.year, amount: amount(m.amountFen),
                        origin: site.catalogue.text("ledger_origin_" + m.origin, lang), proposedOn: m.proposedOn,
                        batch: m.batchID?.uuidString.lowercased())
        }
        // The batches among the open proposals shown, each approved whole by the store.
        var counts: [String: Int] = [:]
        for row in proposals { if let b = row.batch { counts[b, default: 0] += 1 } }
        let batches = counts.sorted { $0.key < $1.key }.map { BatchRow(id: $0.key, count: $0.value) }
        let found = try await ledger.entries(scope: scope, project: nil, application: nil, instrument: nil, page: 1, perPage: Self.perPage)
        let entries = found.items.map { e in
            EntryRow(project: e.projectID.uuidString.lowercased(), creditCode: e.enterpriseCode, district: district(e.district), instrument: e.instrument,
                     kind: LedgerEntryKind(rawValue: e.kind)?.label.text(lang) ?? e.kind, contract: e.contractID, year: e.year,
                     amount: amount(e.amountFen), owed: e.owedFen == 0 ? nil : amount(e.owedFen), recordedOn: e.recordedOn, by: e.recordedBy, reason: e.reason.isEmpty ? nil : e.reason)
        }
        // A project's confirmations, when asked for (`?project=`), as `GET /api/ledger/confirmations` reads them.
        var project: String?, confirmations: [ConfirmationRow]?
        var errors = errors
        if let raw = p.req.query[String.self, at: "project"], !raw.isEmpty {
            project = String(raw.prefix(64))
            if let id = UUID(uuidString: raw) {
                do {
                    let (interest, leases) = try await ledger.confirmations(project: id, scope: scope)
                    confirmations = interest.map {
                        ConfirmationRow(what: "\(site.catalogue.text("ledger_confirm_interest", lang)) \($0.year)", contract: $0.loanID, institution: $0.institution,
                                        amount: amount($0.interestFen), on: $0.paidOn, reference: $0.reference)
                    } + leases.map {
                        ConfirmationRow(what: site.catalogue.text("ledger_confirm_lease", lang), contract: $0.leaseID, institution: $0.institution,
                                        amount: amount($0.equipmentInvestmentFen), on: $0.confirmedOn, reference: $0.reference)
                    }
                } catch RegistryError.notFound(let text) {
                    errors.general.append(text.text(lang))
                }
            } else {
                errors.general.append(site.catalogue.text("ledger_not_a_project", lang))
            }
        }
        // The pools a district officer sees: its district's and the city's (`listBudgetPools`).
        let budget = BudgetStore(db: services(p).database())
        var own: String?
        if case .records(.district(let d)) = scope { own = d }
        var pools: [PoolRow] = []
        for pool in try await budget.pools() where own == nil || pool.district == nil || pool.district == own {
            let f = try await budget.figures(pool)
            pools.append(PoolRow(instrument: pool.instrument, year: pool.year, district: pool.district.map(district) ?? site.catalogue.text("dash_city", lang),
                                 version: pool.current.version, method: site.catalogue.text("pool_method_" + pool.method.rawValue, lang),
                                 budget: AmountText.shown(f.budget, lang), committed: AmountText.shown(f.committed, lang), paid: AmountText.shown(f.paid, lang),
                                 room: AmountText.shown(f.room, lang), uncommitted: AmountText.shown(f.uncommitted, lang), short: f.uncommitted.fen < 0))
        }
        let canApprove = PageRules.rules["ledgerApprove"].map { (try? $0.check(p.access, writes: true)) != nil } ?? false
        let body = Body(sums: sums, proposals: proposals, proposalsTotal: open.total, batches: batches, entries: entries, entriesTotal: found.total,
                        pools: pools, canApprove: canApprove, project: project, confirmations: confirmations, errors: errors,
                        done: done.map { site.catalogue.text($0, lang) })
        return try await site.render(p, "ledger", titleKey: "ledger_title", body, status: status)
    }

    /// The city officer's approval of one proposal: the store's `approve` (its checks of the
    /// caps, the pool and the proposal's state) after the API's scope check.
    func approve(_ p: WebSite.PageRequest) async throws -> Response {
        guard let raw = p.req.parameters.get("id"), let id = UUID(uuidString: raw) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        let ledger = services(p).ledgerStore()
        do {
            _ = try await ledger.proposal(id, scope: try scope(p))
            _ = try await ledger.approve(id, today: services(p).clock.today(), by: try actor(p))
        } catch RegistryError.notFound {
            return try await site.refusal(p.req, lang: p.lang, status: .notFound)
        } catch {
            let status: HTTPResponseStatus = { if case RegistryError.conflict = error { return .conflict }; return .unprocessableEntity }()
            return try await show(p, errors: try PageErrors(error, lang: p.lang), done: nil, status: status)
        }
        return p.req.redirect(to: "/ledger?done=approved", redirectType: .normal)
    }

    /// A 免申即享 batch approved whole: the store pays what it may and says why it refused the rest.
    func approveBatch(_ p: WebSite.PageRequest) async throws -> Response {
        guard let raw = p.req.parameters.get("id"), let id = UUID(uuidString: raw) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        do {
            let (_, refused) = try await services(p).ledgerStore().approveBatch(id, today: services(p).clock.today(), by: try actor(p))
            // What the store refused (a cap, the pool's room) is said beside what it paid.
            if !refused.isEmpty {
                return try await show(p, errors: PageErrors(general: refused.map { "\($0.0.uuidString.lowercased()): \($0.1.text(p.lang))" }),
                                      done: "ledger_done_batch")
            }
        } catch RegistryError.notFound {
            return try await site.refusal(p.req, lang: p.lang, status: .notFound)
        } catch {
            let status: HTTPResponseStatus = { if case RegistryError.conflict = error { return .conflict }; return .unprocessableEntity }()
            return try await show(p, errors: try PageErrors(error, lang: p.lang), done: nil, status: status)
        }
        return p.req.redirect(to: "/ledger?done=batch", redirectType: .normal)
    }
}
