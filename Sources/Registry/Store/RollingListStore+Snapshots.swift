import Foundation
import Policy

/// What a listed project carried when its list was published, or carries now: the facts a bank
/// was sent.
public struct ListedFacts: Sendable, Equatable {
    public var name: String
    public var enterpriseName: String
    public var status: String
    public var declared: Money?
    public var approved: Money?
    public var recommendedTotal: Money
    public var recommendedInstruments: [String]
    /// Each instrument of the combination with its amount: kept when published; empty in what a
    /// project carries now (the registry stores its total and instruments, not the amounts).
    public var recommendedLines: [(instrument: String, amount: Money)] = []

    public static func == (a: ListedFacts, b: ListedFacts) -> Bool {
        a.name == b.name && a.enterpriseName == b.enterpriseName && a.status == b.status && a.declared == b.declared
            && a.approved == b.approved && a.recommendedTotal == b.recommendedTotal && a.recommendedInstruments == b.recommendedInstruments
    }

    /// The fields that differ from `other`, by their names in the API (`recommendedTotal`, …).
    public func differences(from other: ListedFacts) -> [String] {
        var out: [String] = []
        if name != other.name { out.append("name") }
        if enterpriseName != other.enterpriseName { out.append("enterpriseName") }
        if status != other.status { out.append("status") }
        if declared != other.declared { out.append("declaredInvestment") }
        if approved != other.approved { out.append("approvedInvestment") }
        if recommendedTotal != other.recommendedTotal { out.append("recommendedTotal") }
        if recommendedInstruments != other.recommendedInstruments { out.append("recommendedInstruments") }
        return out
    }
}

/// An entry of a rolling list as it reads: what the last published version carried beside what
/// the project carries now.
public struct ListEntryView: Sendable {
    public var projectID: UUID
    public var projectCode: String
    public var creditCode: String
    public var addedInVersion: Int
    public var removedInVersion: Int?
    /// As published (the last published version that had the entry), nil if never published.
    public var sent: ListedFacts?
    public var sentVersion: Int?
    public var sentAt: Date?
    public var current: ListedFacts
    /// The fields of `current` that differ from `sent`; empty when unchanged or never sent.
    public var changed: [String] { sent.map { current.differences(from: $0) } ?? [] }
}

extension RollingListSnapshotModel {
    convenience init(list: UUID, version: Int, project: ProjectModel, lines: [(String, Money)], at: Date) throws {
        self.init()
        self.$list.id = list
        self.version = version
        projectID = try project.requireID()
        projectCode = project.code
        creditCode = project.enterprise.creditCode
        enterpriseName = project.enterprise.name
        name = project.name
        status = project.status
        declaredFen = project.declaredFen
        approvedFen = project.approvedFen
        recommendedFen = project.recommendedFen
        recommendedInstruments = project.recommendedInstruments
        recommendedLines = lines.map { "\($0.0)=\($0.1.decimalString)" }.joined(separator: ";")
        publishedAt = at
    }

    var facts: ListedFacts {
        ListedFacts(name: name, enterpriseName: enterpriseName, status: status, declared: declaredFen.map(Money.init(fen:)),
                    approved: approvedFen.map(Money.init(fen:)), recommendedTotal: Money(fen: recommendedFen),
                    recommendedInstruments: recommendedInstruments.split(separator: ",").map(String.init),
                    recommendedLines: recommendedLines.split(separator: ";").compactMap { line in
                        let parts = line.split(separator: "=", maxSplits: 1)
                        guard parts.count == 2, let amount = Money(yuanText: String(parts[1])) else { return nil }
                        return (String(parts[0]), amount)
                    })
    }
}

extension ProjectModel {
    /// Needs the enterprise loaded.
    var listedFacts: ListedFacts {
        ListedFacts(name: name, enterpriseName: enterprise.name, status: status, declared: declaredFen.map(Money.init(fen:)),
                    approved: approvedFen.map(Money.init(fen:)), recommendedTotal: Money(fen: recommendedFen),
                    recommendedInstruments: recommendedInstruments.split(separator: ",").map(String.init))
    }
}

extension RollingListModel {
    /// The entries (a list read by `RollingListStore.list`: entries with their projects, and
    /// snapshots), each beside its last published snapshot, in the order they were added.
    public func entryViews() throws -> [ListEntryView] {
        let byProject = Dictionary(grouping: snapshots, by: \.projectID)
        return try entries.sorted { ($0.addedInVersion, $0.project.code) < ($1.addedInVersion, $1.project.code) }.map { e in
            let id = try e.project.requireID()
            // The snapshot of the latest published version the entry was on.
            let sent = byProject[id]?.filter { s in s.version >= e.addedInVersion && (e.removedInVersion.map { s.version < $0 } ?? true) }
                .max { $0.version < $1.version }
            return ListEntryView(projectID: id, projectCode: e.project.code, creditCode: e.project.enterprise.creditCode,
                                 addedInVersion: e.addedInVersion, removedInVersion: e.removedInVersion,
                                 sent: sent?.facts, sentVersion: sent?.version, sentAt: sent?.publishedAt, current: e.project.listedFacts)
        }
    }
}
