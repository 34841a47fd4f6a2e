import Registry
import Workflow

/// Which catalogue products an account reads (`CatalogueStore.Reach`), for the API and the
/// pages alike: nobody signed in and a bank the published and expired ones; an enterprise also
/// its own submissions; officers, departments and the administrator all of them.
enum CatalogueReach {
    static func of(_ principal: Principal?) -> CatalogueStore.Reach {
        guard let principal else { return .published }
        switch principal.role {
        case .enterprise: return .publishedAndOwn(creditCode: principal.enterpriseCode ?? "")
        case .bank: return .published
        case .districtOfficer, .cityOfficer, .department, .administrator: return .all
        }
    }
}
