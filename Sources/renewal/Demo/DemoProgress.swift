import Foundation
import Policy
import Registry
import Workflow

/// The demonstration's plan progress: reports of the last ended quarter for a few tasks, one of
/// them corrected (a second version); the rest show as overdue once the due day has passed (and
/// those filed after it as late).
struct DemoProgress {
    let store: PlanProgressStore
    let actor: AuditActor
    let today: Day

    func make() async throws -> Int {
        let quarter = Quarter(day: today).advanced(by: -1).text
        let statuses: [ProgressStatus] = [.onTrack, .done, .delayed, .onTrack, .notStarted, .onTrack]
        var count = 0
        for (task, status) in zip(store.plan.tasks.prefix(statuses.count), statuses) {
            _ = try await store.append(.init(task: task.id, quarter: quarter, status: status.rawValue,
                                             text: "（演示）\(task.text.zh)：本季度\(status.label.zh)",
                                             evidenceLink: "https://example.gov.cn/demo/progress/\(task.id)"),
                                       today: today, by: actor)
            count += 1
        }
        if let first = store.plan.tasks.first {
            _ = try await store.append(.init(task: first.id, quarter: quarter, status: ProgressStatus.done.rawValue,
                                             text: "（演示，更正）\(first.text.zh)：已完成", evidenceLink: nil),
                                       today: today, by: actor)
            count += 1
        }
        return count
    }
}
