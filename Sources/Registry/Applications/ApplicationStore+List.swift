import FluentKit
import Foundation
import Workflow

/// Which applications a list shows: by state, district, enterprise, instrument, or the
/// department whose opinion is awaited.
public struct ApplicationFilter: Sendable {
    public var state: String?
    public var district: String?
    public var creditCode: String?
    public var instrument: String?
    /// Applications with an open step of this department in their current round.
    public var awaitingDepartment: String?

    public init(state: String? = nil, district: String? = nil, creditCode: String? = nil, instrument: String? = nil,
                awaitingDepartment: String? = nil) {
        self.state = state
        self.district = district
        self.creditCode = creditCode
        self.instrument = instrument
        self.awaitingDepartment = awaitingDepartment
    }
}

extension ApplicationStore {
    public func list(_ filter: ApplicationFilter, page: Int, perPage: Int) async throws -> (items: [ApplicationModel], total: Int) {
        let query = ApplicationModel.query(on: db)
        if let state = filter.state { query.filter(\.$state == state) }
        if let district = filter.district { query.filter(\.$district == district) }
        if let code = filter.creditCode { query.filter(\.$creditCode == code) }
        if let instrument = filter.instrument { query.filter(\.$instruments ~~ ",\(instrument),") }
        if let department = filter.awaitingDepartment {
            let ids = try await ReviewStepModel.query(on: db).filter(\.$department == department).filter(\.$verdict == nil)
                .all().map(\.$application.id)
            query.filter(\.$id ~~ ids).filter(\.$state == ApplicationState.underReview.rawValue)
        }
        let total = try await query.count()
        let items = try await query.sort(\.$createdAt, .descending).range((page - 1) * perPage..<(page * perPage)).all()
        return (items, total)
    }
}
