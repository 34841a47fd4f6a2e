import FluentKit
import Foundation
import Policy
import Workflow

extension ApplicationStore {
    /// The review steps started within the days (and, for a district, of its cases) as the
    /// workflow's clocks, for `StepTimes`.
    public func reviewClocks(from: Day?, to: Day?, district: String?) async throws -> [ServiceLevelClock] {
        let query = ReviewStepModel.query(on: db)
        if let from { query.filter(\.$started >= from.description) }
        if let to { query.filter(\.$started <= to.description) }
        if let district {
            let ids = try await ApplicationModel.query(on: db).filter(\.$district == district).all(\.$id)
            query.filter(\.$application.$id ~~ ids)
        }
        return try await query.sort(\.$started).all().compactMap { step in
            guard let started = Day(iso: step.started) else { return nil }
            return ServiceLevelClock(department: step.department, started: started, targetWorkingDays: step.targetWorkingDays,
                                     completed: step.givenOn.flatMap(Day.init(iso:)))
        }
    }
}
