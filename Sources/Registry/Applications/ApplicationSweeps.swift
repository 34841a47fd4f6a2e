import FluentKit
import Foundation
import Policy
import Workflow

/// The daily work over open cases — reminders of deferred items, lapses, service-level
/// escalations — as the scheduled jobs run it. Each case is handled in its own transaction with
/// the notices it causes (`post` writes them in that transaction), and marks what it did, so a
/// sweep run twice on a day sends nothing twice.
extension ApplicationStore {
    public typealias PostNotice = @Sendable (CaseNotice, any Database) async throws -> Void

    /// Reminders of deferred items due soon (the offsets of `process.yaml`). Returns how many went out.
    public func sendReminders(on day: Day, post: @escaping PostNotice) async throws -> Int {
        let open = try await ApplicationDeferralModel.query(on: db).filter(\.$suppliedOn == nil).all()
        var sent = 0
        for deferral in open {
            let due = Day.stored(deferral.due)
            let left = day.days(to: due)
            guard workflow.process.deferral.remindDaysBefore.contains(left), !deferral.reminded.contains(",\(left),") else { continue }
            sent += try await db.transaction { db -> Int in
                // The case's row lock first: two servers' sweeps then see each other's marks.
                let app = try await Self.lock(deferral.$application.id, on: db)
                guard let row = try await ApplicationDeferralModel.find(deferral.id, on: db), row.suppliedOn == nil,
                      !row.reminded.contains(",\(left),"),
                      !(ApplicationState(rawValue: app.state)?.isFinal ?? true) else { return 0 }
                row.reminded += "\(left),"
                try await row.save(on: db)
                let label = workflow.materials.items[row.item]?.label ?? LocalizedText(zh: row.item, en: row.item)
                try await post(CaseNotice(recipient: .enterprise(creditCode: app.creditCode), kind: "deferral.reminder", caseID: try app.requireID(),
                    title: LocalizedText(zh: "容缺材料即将到期：\(label.zh)", en: "A deferred item is due soon: \(label.en)"),
                    body: LocalizedText(zh: "申报 \(try app.requireID().uuidString.lowercased()) 的容缺材料“\(label.zh)”应于 \(row.due) 前补齐（还有 \(left) 天），逾期申报将失效。",
                                        en: "The deferred item “\(label.en)” of application \(try app.requireID().uuidString.lowercased()) is due by \(row.due) (\(left) days left); after that the application lapses.")), db)
                return 1
            }
        }
        return sent
    }

    /// Applications with a deferred item past its due day lapse. Returns how many.
    public func lapseOverdue(on day: Day, post: @escaping PostNotice) async throws -> Int {
        let candidates = try await ApplicationDeferralModel.query(on: db).filter(\.$suppliedOn == nil).filter(\.$due < day.description).all()
        var lapsed = 0
        for id in Set(candidates.map(\.$application.id)) {
            lapsed += try await db.transaction { db -> Int in
                let model = try await Self.lock(id, on: db)
                guard let state = ApplicationState(rawValue: model.state), state == .acceptedWithDeficiencies || state == .underReview else { return 0 }
                let deferred = model.deferrals.map { DeferredItem(item: $0.item, due: Day.stored($0.due)) }
                let supplied = Set(model.deferrals.filter { $0.suppliedOn != nil }.map(\.item))
                let overdue = DeferralWatch.overdue(on: day, deferred: deferred, supplied: supplied).map(\.item)
                guard !overdue.isEmpty else { return 0 }
                let reasons = "逾期未补齐容缺材料 / deferred items not supplied by their due day: \(overdue.joined(separator: ", "))"
                try await move(model, by: .lapse, actor: .system, context: TransitionContext(overdueItems: overdue), day: day,
                               who: .system("lapse"), reasons: reasons, on: db)
                try await post(CaseNotice(recipient: .enterprise(creditCode: model.creditCode), kind: "application.lapsed", caseID: id,
                    title: LocalizedText(zh: "申报已失效", en: "The application has lapsed"),
                    body: LocalizedText(zh: "申报 \(id.uuidString.lowercased()) 因容缺材料逾期未补齐已失效：\(overdue.joined(separator: "、"))。",
                                        en: "Application \(id.uuidString.lowercased()) lapsed: deferred items not supplied by their due day: \(overdue.joined(separator: ", ")).")), db)
                return 1
            }
        }
        return lapsed
    }

    /// Review steps at risk or breached are escalated to the city officer (each status once a
    /// step), and the department is told. Returns how many steps were escalated.
    public func escalateReviewSteps(on day: Day, post: @escaping PostNotice) async throws -> Int {
        let open = try await ReviewStepModel.query(on: db).filter(\.$verdict == nil).all()
        var escalated = 0
        for step in open {
            let clock = ServiceLevelClock(department: step.department, started: Day.stored(step.started), targetWorkingDays: step.targetWorkingDays)
            let found: [Escalation]
            do {
                found = try Escalation.escalations(on: day, clocks: [clock], calendar: workflow.calendar,
                                                   rules: workflow.process.serviceLevel, to: workflow.roster.escalateTo)
            } catch { continue }
            guard let escalation = found.first, step.escalated != escalation.status.rawValue else { continue }
            escalated += try await db.transaction { db -> Int in
                let app = try await Self.lock(step.$application.id, on: db)
                guard let row = try await ReviewStepModel.find(step.id, on: db), row.verdict == nil,
                      row.escalated != escalation.status.rawValue,
                      app.state == ApplicationState.underReview.rawValue else { return 0 }
                row.escalated = escalation.status.rawValue
                try await row.save(on: db)
                let id = try app.requireID()
                try await AuditTrail.append(AuditChange(action: "review.escalate", subjectType: "review_step", subjectID: try row.requireID().uuidString.lowercased(),
                                                        caseID: id.uuidString.lowercased(),
                                                        after: AuditChange.state(["department": row.department, "status": escalation.status.rawValue,
                                                                                  "due": row.due, "to": escalation.to.rawValue])),
                                            by: .system("service-level"), on: db)
                let name = workflow.roster.department(row.department)?.name ?? LocalizedText(zh: row.department, en: row.department)
                let breached = escalation.status == .breached
                let title = breached
                    ? LocalizedText(zh: "审查超时：\(name.zh)", en: "Review step overdue: \(name.en)")
                    : LocalizedText(zh: "审查即将超时：\(name.zh)", en: "Review step at risk: \(name.en)")
                let body = LocalizedText(
                    zh: "申报 \(id.uuidString.lowercased()) 的\(name.zh)审查应于 \(row.due) 前完成（时限 \(row.targetWorkingDays) 个工作日），\(breached ? "已超时" : "即将到期")。",
                    en: "The \(name.en) step of application \(id.uuidString.lowercased()) is due by \(row.due) (\(row.targetWorkingDays) working days) and is \(breached ? "overdue" : "at risk").")
                let kind = breached ? "review.breached" : "review.at_risk"
                try await post(CaseNotice(recipient: .officers(role: escalation.to, district: nil), kind: kind, caseID: id, title: title, body: body), db)
                try await post(CaseNotice(recipient: .department(code: row.department), kind: kind, caseID: id, title: title, body: body), db)
                return 1
            }
        }
        return escalated
    }
}
