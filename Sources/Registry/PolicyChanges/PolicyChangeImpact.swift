import FluentKit
import Foundation
import Policy
import Workflow

/// What a saved change of the policy did to the stored projects, once the library in force is
/// the new one: every project's recommendation re-evaluated (only the changed rows rewritten);
/// each enterprise whose projects gain or lose support told, with the amount before and after;
/// each project that had no city support and now has some given a draft application, ready to
/// submit (unless it has an open one). Decided cases are not touched: their decisions are pinned.
public struct PolicyChangeImpact: Sendable {
    public struct Report: Sendable {
        public var examined = 0
        public var changed = 0
        public var enterprisesTold = 0
        public var drafts: [UUID] = []
        public var totalBefore = Money.zero
        public var totalAfter = Money.zero
    }

    public let applications: ApplicationStore

    public init(applications: ApplicationStore) { self.applications = applications }

    public func run(on day: Day, by actor: AuditActor) async throws -> Report {
        final class Collected: @unchecked Sendable { var changes: [Reevaluation.Change] = [] }
        let collected = Collected()
        let reevaluated = try await Reevaluation(db: applications.db, library: applications.engine.library, scenarios: applications.workflow.scenarios)
            .run(changed: { collected.changes.append($0) })
        var report = Report(examined: reevaluated.examined, changed: reevaluated.changed,
                            totalBefore: reevaluated.totalBefore, totalAfter: reevaluated.totalAfter)
        let byEnterprise = Dictionary(grouping: collected.changes, by: \.creditCode)
        for code in byEnterprise.keys.sorted() {
            let lines = byEnterprise[code]!
            let zh = lines.map { "\($0.projectCode) \($0.projectName)：\($0.before.grouped) 元 → \($0.after.grouped) 元" }.joined(separator: "；")
            let en = lines.map { "\($0.projectCode) \($0.projectName): \($0.before.grouped) → \($0.after.grouped) yuan" }.joined(separator: "; ")
            let draft = NoticeDraft(recipient: .enterprise(creditCode: code), kind: "policy.changed",
                                    title: LocalizedText(zh: "政策调整影响您的项目", en: "A change of policy affects your projects"),
                                    body: LocalizedText(zh: "按调整后的政策，项目推荐支持金额变化如下：\(zh)。", en: "Under the changed policy the recommended support of your projects changes: \(en)."),
                                    projectID: lines.count == 1 ? lines[0].projectID : nil)
            try await applications.db.transaction { db in
                try await NoticeComposer(db: db).post(draft, mailTo: try await CaseNotice.addresses(of: .enterprise(creditCode: code), on: db))
            }
            report.enterprisesTold += 1
        }
        for change in collected.changes where change.before == .zero && change.after > .zero {
            do {
                report.drafts.append(try await applications.create(projectID: change.projectID, instruments: nil, on: day, by: actor))
            } catch RegistryError.conflict {
                // An open application already, or nothing applied for here: no draft.
            }
        }
        return report
    }
}
