import API
import Foundation
import Policy
import Registry
import Workflow

/// The officers' work queue: the store's list of applications (inside the account's scope, as
/// `GET /api/applications` keeps it) with each case's service-level status, the worst of its
/// open review steps by the API's own clocks (`ApplicationView.review`).
struct CaseQueue {
    /// The order of severity: a case is as late as its latest open step.
    static let severity = ["breached": 3, "at_risk": 2, "on_track": 1]
    /// Filtering by the clocks looks at this many cases under review at most (the clocks are
    /// computed, not stored); the page says when the look was cut.
    static let clockWindow = 1000

    struct Filter { var state: String?; var district: String?; var instrument: String?; var serviceLevel: String? }
    struct Row { var model: ApplicationModel; var serviceLevel: String? }

    let store: ApplicationStore
    let today: Day

    /// The worst status among the open steps of the case's current round; nil if none is open.
    func serviceLevel(_ model: ApplicationModel) throws -> String? {
        let review = try ApplicationView(store: store, today: today).review(model)
        return review.steps.filter { $0.verdict == nil }.map(\.serviceLevel.rawValue)
            .max { (Self.severity[$0] ?? 0) < (Self.severity[$1] ?? 0) }
    }

    func rows(_ scoped: ApplicationFilter, serviceLevel: String?, page: Int, perPage: Int) async throws -> (rows: [Row], total: Int, cut: Bool) {
        guard let serviceLevel else {
            let (items, total) = try await store.list(scoped, page: page, perPage: perPage)
            var rows: [Row] = []
            for item in items {
                let model = try await store.application(try item.requireID())
                rows.append(Row(model: model, serviceLevel: try self.serviceLevel(model)))
            }
            return (rows, total, false)
        }
        // Only a case under review has open clocks.
        var underReview = scoped
        if let asked = underReview.state, asked != ApplicationState.underReview.rawValue { return ([], 0, false) }
        underReview.state = ApplicationState.underReview.rawValue
        let (items, total) = try await store.list(underReview, page: 1, perPage: Self.clockWindow)
        var matching: [Row] = []
        for item in items {
            let model = try await store.application(try item.requireID())
            let status = try self.serviceLevel(model)
            if status == serviceLevel { matching.append(Row(model: model, serviceLevel: status)) }
        }
        let start = min((page - 1) * perPage, matching.count)
        return (Array(matching[start..<min(start + perPage, matching.count)]), matching.count, total > items.count)
    }
}
