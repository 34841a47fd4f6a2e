import API
import Foundation
import Policy
import Workflow

/// An application as its pages show it, drawn from the API's own answer (`ApplicationView`), so
/// that a page and `GET /api/applications/{id}` never disagree: its state, what was asked for,
/// the checklist with what is missing and when a deferred item is due, the materials (their
/// download is the API's), the review steps with their clocks, the decision, the history.
/// Formatting only: every amount is one the engine computed and the store kept.
struct CaseView: Encodable {
    struct Line: Encodable { var instrument: String; var amount: String }
    struct Item: Encodable {
        var item: String; var label: String; var clause: String; var critical: Bool; var accepted: String
        var provided: Bool; var due: String?
    }
    struct Material: Encodable { var id: String; var item: String; var fileName: String; var size: String; var uploadedAt: String; var href: String }
    struct Step: Encodable {
        var department: String; var name: String; var round: Int; var started: String; var due: String; var serviceLevel: String
        var serviceLevelLabel: String; var verdict: String?; var verdictLabel: String?; var reasons: String?; var givenOn: String?; var escalated: String?
    }
    struct Grant: Encodable { var instrument: String; var granted: String; var maximum: String? }
    struct Decision: Encodable { var approved: Bool; var decidedOn: String; var grants: [Grant]; var total: String; var reasons: String? }
    struct Move: Encodable { var day: String; var state: String; var event: String; var by: String; var reasons: String? }

    var id: String
    var projectID: String
    var creditCode: String
    var district: String
    var state: String
    var stateLabel: String
    var instruments: String
    var requested: [Line]
    var requestedTotal: String
    var submittedOn: String?
    var reasons: String?
    var greenChannel: Bool
    var checklist: [Item]
    var missing: [Item]
    var materials: [Material]
    var round: Int
    var reviewOutcome: String
    var waitingOn: String
    var steps: [Step]
    var decision: Decision?
    var history: [Move]

    /// A file's size as people read it: bytes, KB or MB (1 KB = 1,024 bytes), cut, never rounded up.
    static func size(_ bytes: Int64) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1024 * 1024 ? "\(bytes / 1024) KB" : "\(bytes / (1024 * 1024)) MB"
    }

    static func amount(_ text: String?, _ lang: Language) -> String {
        guard let text, let money = Money(yuanText: text) else { return text ?? "" }
        return AmountText.shown(money, lang)
    }

    init(_ a: Components.Schemas.Application, lang: Language, vocabulary: Vocabulary, catalogue: WebCatalogue) {
        func t(_ l: Components.Schemas.LocalizedText) -> String { lang == .zh ? l.zh : l.en }
        id = a.id
        projectID = a.projectId
        creditCode = a.creditCode
        district = vocabulary.district(named: a.district)?.name.text(lang) ?? a.district
        state = a.state.rawValue
        stateLabel = t(a.stateLabel)
        instruments = a.instruments.joined(separator: lang == .zh ? "、" : ", ")
        requested = a.requested.sorted { $0.instrument < $1.instrument }.map { Line(instrument: $0.instrument, amount: Self.amount($0.amount, lang)) }
        requestedTotal = Self.amount(a.requestedTotal, lang)
        submittedOn = a.submittedOn
        reasons = a.reasons
        greenChannel = a.greenChannel
        checklist = a.checklist.map {
            Item(item: $0.item, label: t($0.label), clause: $0.clause, critical: $0.critical, accepted: $0.accepted.joined(separator: ", "),
                 provided: $0.provided, due: $0.due)
        }
        missing = checklist.filter { !$0.provided }
        materials = a.materials.map {
            Material(id: $0.id, item: $0.item, fileName: $0.fileName, size: Self.size($0.size),
                     uploadedAt: ISO8601DateFormatter().string(from: $0.uploadedAt),
                     href: "/api/applications/\(a.id)/materials/\($0.id)")
        }
        round = a.review.round
        reviewOutcome = a.review.outcome.rawValue
        waitingOn = (a.review.waitingOn ?? []).joined(separator: ", ")
        steps = a.review.steps.map {
            Step(department: $0.department, name: t($0.name), round: $0.round, started: $0.started, due: $0.due,
                 serviceLevel: $0.serviceLevel.rawValue, serviceLevelLabel: catalogue.text("sla_" + $0.serviceLevel.rawValue, lang),
                 verdict: $0.verdict?.rawValue, verdictLabel: $0.verdict.map { catalogue.text("verdict_" + $0.rawValue, lang) }, reasons: $0.reasons, givenOn: $0.givenOn, escalated: $0.escalated)
        }
        decision = a.decision.map { d in
            Decision(approved: d.outcome == .approved, decidedOn: d.decidedOn,
                     grants: d.grants.map { Grant(instrument: $0.instrument, granted: Self.amount($0.granted, lang), maximum: $0.maximum.map { Self.amount($0, lang) }) },
                     total: Self.amount(d.grantedTotal, lang), reasons: d.reasons)
        }
        history = a.history.map { Move(day: $0.day, state: $0.to.rawValue, event: $0.event, by: $0.by, reasons: $0.reasons) }
    }
}
