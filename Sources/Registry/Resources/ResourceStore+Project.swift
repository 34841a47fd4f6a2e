import Foundation
import Workflow

extension ResourceStore {
    /// The resources that fit a stored project (its enterprise loaded), each with its rule and
    /// reason: the facts `ResourceFit` reads, taken from the project and its enterprise in one
    /// place, for the API's `GET /api/projects/{id}/resources` and the enterprise's project page.
    public func offers(forProject m: ProjectModel) async throws -> [(ResourceModel, ResourceFit.Offer)] {
        let project = m.domain(), enterprise = m.enterprise.domain()
        return try await offers(for: ResourceFit.ProjectFacts(categories: project.categories, hasLoan: !project.loans.isEmpty, hasLease: !project.leases.isEmpty,
                                                              industryCode: enterprise.industryCode, district: enterprise.district))
    }
}
