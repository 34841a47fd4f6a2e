import FluentKit
import Foundation
import Policy
import Workflow

/// Reports of the targets' measures: appended by officers (each in the audit trail), read back
/// whole or as the standing report of each quarter (the latest; earlier ones are kept).
public struct TargetReportStore: Sendable {
    public let db: any Database
    public let library: PolicyLibrary
    /// The measures the list library's editions feed (`workflow/lists.yaml`): not reported.
    public let listed: Set<String>

    public init(db: any Database, library: PolicyLibrary, listed: Set<String>) {
        self.db = db
        self.library = library
        self.listed = listed
    }

    public struct NewReport: Sendable {
        public var target: String
        public var measure: String
        public var quarter: String
        public var district: String?
        public var value: String
        public var evidence: String

        public init(target: String, measure: String, quarter: String, district: String?, value: String, evidence: String) {
            self.target = target
            self.measure = measure
            self.quarter = quarter
            self.district = district
            self.value = value
            self.evidence = evidence
        }
    }

    /// The problems of a report, by field path; empty when it may be appended. A quarter after
    /// `today`'s has not happened and cannot be reported.
    public func problems(_ r: NewReport, today: Day) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let target = library.targets.first { $0.id == r.target }
        if target == nil {
            issues.append(ValidationIssue(path: "$.target", zh: "没有目标“\(r.target.prefix(64))”（T1–T21）", en: "no target '\(r.target.prefix(64))' (T1–T21)"))
        } else if let measure = target?.measures.first(where: { $0.id == r.measure }) {
            // A counted measure comes from the stored projects; a report of it would never show.
            if measure.counted != nil {
                issues.append(ValidationIssue(path: "$.measure", zh: "指标“\(r.measure)”由项目库统计，无需填报", en: "the measure '\(r.measure)' is counted from the stored projects, not reported"))
            }
            if listed.contains(measure.id) {
                issues.append(ValidationIssue(path: "$.measure", zh: "指标“\(r.measure)”由清单库的已发布版本统计，无需填报", en: "the measure '\(r.measure)' is counted from the list library's published editions, not reported"))
            }
        } else {
            issues.append(ValidationIssue(path: "$.measure", zh: "目标\(r.target)没有指标“\(r.measure.prefix(64))”", en: "target \(r.target) has no measure '\(r.measure.prefix(64))'"))
        }
        if let q = Quarter(text: r.quarter) {
            if q > Quarter(day: today) {
                issues.append(ValidationIssue(path: "$.quarter", zh: "季度\(r.quarter)尚未到来", en: "the quarter \(r.quarter) has not come yet"))
            }
        } else {
            issues.append(ValidationIssue(path: "$.quarter", zh: "季度应写作 YYYYQn（如 2025Q4）", en: "a quarter is written YYYYQn (e.g. 2025Q4)"))
        }
        if let d = r.district, !library.vocabulary.districts.contains(where: { $0.id == d }) {
            issues.append(ValidationIssue(path: "$.district", zh: "没有区“\(d.prefix(64))”", en: "no district '\(d.prefix(64))'"))
        }
        if TargetNumber.decimal(r.value) == nil || r.value.utf8.count > 24 {
            issues.append(ValidationIssue(path: "$.value", zh: "数值应为不超过24位的非负十进制数（如 12.5）", en: "the value is a non-negative plain decimal of at most 24 characters (e.g. 12.5)"))
        }
        if r.evidence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(ValidationIssue(path: "$.evidence", zh: "应写明依据", en: "the evidence is needed"))
        } else if let p = TextKind.note.problem(in: r.evidence) {
            issues.append(ValidationIssue(path: "$.evidence", zh: "依据" + p.zh, en: "the evidence is " + p.en))
        }
        return issues
    }

    /// Appends the report as the next version of its quarter and scope, with its audit entry, in
    /// one transaction.
    public func append(_ r: NewReport, today: Day, by who: AuditActor) async throws -> TargetReportModel {
        let issues = problems(r, today: today)
        if !issues.isEmpty { throw RegistryError.invalid(issues) }
        let scope = r.district ?? TargetReportModel.cityScope
        return try await db.transaction { db in
            try await BudgetLock.take("target-report|\(r.measure)|\(r.quarter)|\(scope)", on: db)
            let last = try await TargetReportModel.query(on: db).filter(\.$measure == r.measure).filter(\.$quarter == r.quarter)
                .filter(\.$scope == scope).sort(\.$version, .descending).first()
            let m = TargetReportModel()
            m.id = UUID()
            m.target = r.target
            m.measure = r.measure
            m.quarter = r.quarter
            m.scope = scope
            m.version = (last?.version ?? 0) + 1
            m.value = r.value
            m.evidence = r.evidence
            m.reportedBy = who.name
            m.reportedAt = Date()
            try await m.create(on: db)
            func state(_ v: TargetReportModel) -> String {
                AuditChange.state(["target": v.target, "measure": v.measure, "quarter": v.quarter, "district": v.district,
                                   "version": String(v.version), "value": v.value, "evidence": v.evidence])
            }
            try await AuditTrail.append(AuditChange(action: "target.report", subjectType: "target_report",
                                                    subjectID: "\(r.measure)|\(r.quarter)|\(scope)", before: last.map(state), after: state(m)),
                                        by: who, on: db)
            return m
        }
    }

    /// Every report, the latest first, of a measure and a district (nil: all) — at most `limit`.
    public func reports(measure: String? = nil, district: String?? = nil, limit: Int = 500) async throws -> [TargetReportModel] {
        var q = TargetReportModel.query(on: db)
        if let measure { q = q.filter(\.$measure == measure) }
        if let district { q = q.filter(\.$scope == (district ?? TargetReportModel.cityScope)) }
        return try await q.sort(\.$reportedAt, .descending).sort(\.$version, .descending).limit(limit).all()
    }

    /// The standing report of each (measure, quarter, scope): the highest version.
    public func standing() async throws -> [TargetReportModel] {
        let all = try await TargetReportModel.query(on: db).sort(\.$version).all()
        var out: [String: TargetReportModel] = [:]
        for m in all { out["\(m.measure)|\(m.quarter)|\(m.scope)"] = m }
        return out.values.sorted { ($0.measure, $0.quarter, $0.scope) < ($1.measure, $1.quarter, $1.scope) }
    }
}
