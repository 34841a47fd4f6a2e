import Foundation
import Policy
import Testing
@testable import Workflow

/// `progress.yaml` as shipped and the due-day rule: the six actions cover the 21 measures, every
/// measure's lead unit has a task, a task's unit is one its clause names; a quarter's report
/// falls due N working days after the quarter (holidays and make-up days counted).
@Suite struct ProgressPlanTests {
    @Test func theActionsCoverTheMeasuresAndEveryLeadUnitHasATask() {
        let policy = Fixtures.policy, plan = Fixtures.workflow.progress
        #expect(policy.actions.map(\.number) == [1, 2, 3, 4, 5, 6])
        let measures = policy.actions.flatMap(\.clauses)
        #expect(measures.count == 21 && Set(measures) == Set(policy.clauses.keys))
        for (numeral, clause) in policy.clauses {
            let lead = clause.responsibleUnits.first?.zh
            #expect(plan.tasks.contains { $0.clause == numeral && $0.unit == lead }, "clause \(numeral): no task of its lead unit \(lead ?? "-")")
        }
        for t in plan.tasks {
            #expect(policy.clauses[t.clause]?.responsibleUnits.contains { $0.zh == t.unit } == true, "\(t.id)")
        }
        #expect(plan.dueWorkingDays == 10)
    }

    @Test func onlyTheTasksUnitReportsOnItBesideTheCity() throws {
        let plan = Fixtures.workflow.progress
        let mine = try #require(plan.task("1.1")), health = try #require(plan.task("4.1"))
        #expect(plan.mayReport(mine, role: .department, department: "economy-informatization"))
        #expect(!plan.mayReport(mine, role: .department, department: "finance"))
        #expect(!plan.mayReport(health, role: .department, department: "economy-informatization"))
        #expect(plan.mayReport(health, role: .cityOfficer, department: nil))
        #expect(!plan.mayReport(mine, role: .districtOfficer, department: nil))
    }

    @Test func aReportFallsDueTenWorkingDaysAfterItsQuarter() throws {
        let calendar = Fixtures.workflow.calendar
        // 2025-12-31, then New Year's holiday (1–3 January), the make-up Sunday the 4th counted.
        #expect(try ProgressDue.dueDay(Quarter(text: "2025Q4")!, workingDays: 10, calendar: calendar) == Day(iso: "2026-01-15"))
        // National Day (1–7 October 2026), the make-up Saturday the 10th counted.
        #expect(try ProgressDue.dueDay(Quarter(text: "2026Q3")!, workingDays: 10, calendar: calendar) == Day(iso: "2026-10-20"))
        // 2026Q4's reports fall due in 2027, which has no holiday file: refused, never guessed.
        #expect(throws: CalendarError.self) { try ProgressDue.dueDay(Quarter(text: "2026Q4")!, workingDays: 10, calendar: calendar) }
    }

    @Test func aReportIsPendingReportedLateOrOverdue() {
        let due = Day(iso: "2026-01-15")!
        #expect(ProgressDue.standing(due: due, firstReported: nil, today: due) == .pending)
        #expect(ProgressDue.standing(due: due, firstReported: nil, today: Day(iso: "2026-01-16")!) == .overdue)
        #expect(ProgressDue.standing(due: due, firstReported: due, today: Day(iso: "2026-03-01")!) == .reported)
        #expect(ProgressDue.standing(due: due, firstReported: Day(iso: "2026-01-16")!, today: Day(iso: "2026-03-01")!) == .late)
    }

    @Test func aTaskOfAUnitItsClauseDoesNotNameIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try #require(WorkflowLibrary.defaultDirectory())
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try """
            due_working_days: 10
            unit_departments: {市卫生健康委: nowhere}
            tasks:
              - {id: "1.1", clause: 一, unit: 市卫生健康委, text: {zh: 甲, en: a}}
              - {id: "1.1", clause: 九十, unit: 市经济信息化委, text: {zh: 乙, en: b}}
            """.write(to: dir.appendingPathComponent("progress.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try WorkflowLibrary.load(directory: dir, policy: Fixtures.policy)
            Issue.record("loaded")
        } catch {
            let text = error.errors.map { "\($0.file) \($0.path) \($0.message.en)" }.joined(separator: "\n")
            #expect(text.contains("not a responsible unit of clause (一)"), "\(text)")
            #expect(text.contains("no clause '九十'") && text.contains("task repeated: 1.1") && text.contains("no department 'nowhere'"), "\(text)")
        }
    }
}
