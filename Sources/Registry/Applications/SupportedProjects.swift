import FluentKit
import Foundation
import Policy

/// The open data of supported projects: what a government may publish of each approved case —
/// the enterprise's and the project's names, the district, each instrument granted and the
/// amount approved under it, the day of the decision. Nothing personal: no credit code, legal
/// representative, address, telephone, account or figure of the application beyond the grant.
public struct SupportedProjects: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    public struct Row: Sendable, Equatable {
        public var enterpriseName: String
        public var projectName: String
        public var district: String
        public var instrument: String
        public var granted: Money
        public var decidedOn: String
    }

    /// At most `limit` rows (a file of open data, not a query tool), the latest decisions first.
    public static let limit = 20_000

    public func rows() async throws -> [Row] {
        let decisions = try await ApplicationDecisionModel.query(on: db).filter(\.$outcome == "approved")
            .sort(\.$decidedOn, .descending).with(\.$application).limit(Self.limit).all()
        let codes = Set(decisions.map { $0.application.creditCode })
        var names: [String: String] = [:]
        if !codes.isEmpty {
            for e in try await EnterpriseModel.query(on: db).filter(\.$creditCode ~~ Array(codes)).all() { names[e.creditCode] = e.name }
        }
        var out: [Row] = []
        for d in decisions {
            let a = d.application
            var projectName = ""
            if case .string(let n)? = try? JSONParser.parse(a.projectJSON)["name"] { projectName = n }
            // The grants in the decision's own order, each instrument once.
            guard case .array(let lines)? = try? JSONParser.parse(d.grantsJSON) else { continue }
            for line in lines {
                guard case .string(let id)? = line["instrument"], case .string(let text)? = line["granted"],
                      let amount = Money(yuanText: text), amount > .zero else { continue }
                out.append(Row(enterpriseName: names[a.creditCode] ?? "", projectName: projectName, district: a.district,
                               instrument: id, granted: amount, decidedOn: d.decidedOn))
                if out.count >= Self.limit { return out }
            }
        }
        return out
    }
}
