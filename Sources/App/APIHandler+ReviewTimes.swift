import API
import Foundation
import Policy
import Registry
import Workflow

/// The time the departments take (issue 10, item 9): per department, over the steps of a period.
extension APIHandler {
    func getReviewTimes(_ input: Operations.GetReviewTimes.Input) async throws -> Operations.GetReviewTimes.Output {
        let principal = try access().principal
        var district: String?
        if principal.role == .districtOfficer {
            guard case .district(let id) = try visibility().scope else { return .ok(.init(body: .json([]))) }
            district = id
        }
        let clocks = try await applications.reviewClocks(from: try day(input.query.from, name: "from"), to: try day(input.query.to, name: "to"),
                                                         district: district)
        let summaries: [StepTimes.Summary]
        do throws(CalendarError) {
            summaries = try StepTimes.summaries(of: clocks, until: today, calendar: services.workflow.calendar)
        } catch {
            throw RegistryError.conflict(error.message)
        }
        return .ok(.init(body: .json(summaries.map { s in
            let name = services.workflow.roster.department(s.department)?.name ?? LocalizedText(zh: s.department, en: s.department)
            return .init(department: s.department, name: .init(zh: name.zh, en: name.en), steps: s.steps, completed: s.completed,
                         overTarget: s.overTarget, calendarDays: s.total.calendarDays, workingDays: s.total.workingDays,
                         meanWorkingDays: "\(s.meanWorkingDays)")
        })))
    }
}
