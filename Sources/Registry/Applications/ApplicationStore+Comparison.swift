import FluentKit
import Foundation
import Policy
import Workflow

/// A decided case beside today's policy: what was granted and under which library version, and
/// what the engine would give the same submitted project today. A separate, explicit view — the
/// decision itself never changes.
public struct DecisionComparison: Sendable {
    public struct Line: Sendable, Equatable {
        public var instrument: String
        public var granted: Money
        /// The maximum on the decision day.
        public var maximumThen: Money?
        /// The maximum under the policy in force on the comparison day.
        public var maximumNow: Money?
    }

    public var decidedOn: Day
    public var libraryVersionThen: String
    public var libraryVersionNow: String
    public var comparedOn: Day
    public var lines: [Line]
    /// Parameters whose value differs: key → (then, now).
    public var changedValues: [(key: String, then: String?, now: String?)]
}

extension ApplicationStore {
    public func decision(of id: UUID) async throws -> ApplicationDecisionModel? {
        try await ApplicationDecisionModel.query(on: db).filter(\.$application.$id == id).first()
    }

    public func compareWithPolicy(_ id: UUID, on day: Day) async throws -> DecisionComparison {
        let model = try await application(id)
        guard let decision = try await decision(of: id) else {
            throw RegistryError.conflict(LocalizedText(zh: "申报尚未决定，没有可比较的决定", en: "the application is not decided; there is no decision to compare"))
        }
        var project = try submittedProject(model)
        if let approved = decision.approvedInvestmentFen { project.investment.approved = Money(fen: approved) }
        let now = try await engine.checkingLibraries(of: [project], enterprise: model.creditCode, scenarios: workflow.scenarios, on: db).evaluate(project, on: day).recommendation.lines
        let grants = (try? JSONParser.parse(decision.grantsJSON)) ?? .array([])
        var lines: [DecisionComparison.Line] = []
        if case .array(let items) = grants {
            for item in items {
                guard case .string(let instrument)? = item["instrument"] else { continue }
                func money(_ key: String) -> Money? {
                    if case .string(let text)? = item[key] { return Money(yuanText: text) }
                    return nil
                }
                lines.append(.init(instrument: instrument, granted: money("granted") ?? .zero, maximumThen: money("maximum"),
                                   maximumNow: now.first { $0.id == instrument }?.amount))
            }
        }
        let then = Self.storedValues(decision.valuesJSON)
        let current = Self.storedValues(Self.valuesInForce(engine.library, on: day))
        let keys = Set(then.keys).union(current.keys).sorted()
        let changed = keys.compactMap { key -> (key: String, then: String?, now: String?)? in
            then[key] == current[key] ? nil : (key, then[key] ?? nil, current[key] ?? nil)
        }
        return DecisionComparison(decidedOn: Day.stored(decision.decidedOn), libraryVersionThen: decision.libraryVersion,
                                  libraryVersionNow: libraryVersion, comparedOn: day, lines: lines, changedValues: changed)
    }

    public static func storedValues(_ json: String) -> [String: String?] {
        guard case .object(let fields)? = try? JSONParser.parse(json) else { return [:] }
        var out: [String: String?] = [:]
        for (key, value) in fields {
            if case .string(let s) = value { out[key] = s } else { out[key] = .some(nil) }
        }
        return out
    }
}
