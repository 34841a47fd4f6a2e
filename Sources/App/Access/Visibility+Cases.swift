import Foundation
import Policy
import Registry
import Workflow

/// Whose applications an account reaches: an enterprise its own, a district officer its
/// district's, a department the cases sent to it (in any round), the city officer and the
/// administrator all; a bank none. Outside is 404, as for a case that does not exist.
extension Visibility {
    func admits(case model: ApplicationModel) -> Bool {
        if principal.role == .department {
            guard let department = principal.department else { return false }
            return model.steps.contains { $0.department == department }
        }
        return scope.admits(creditCode: model.creditCode, district: model.district)
    }

    func require(case model: ApplicationModel) throws {
        guard admits(case: model) else { throw Self.noCase(try model.requireID()) }
    }

    /// The list filter that keeps a list of applications inside.
    func caseFilter(_ filter: ApplicationFilter) -> ApplicationFilter? {
        var filter = filter
        switch principal.role {
        case .cityOfficer, .administrator: return filter
        case .department:
            guard let department = principal.department else { return nil }
            if let asked = filter.awaitingDepartment, asked != department { return nil }
            filter.awaitingDepartment = department
            return filter
        case .enterprise, .districtOfficer, .bank:
            switch scope {
            case .everything: return filter
            case .enterprise(let code):
                if let asked = filter.creditCode, asked != code { return nil }
                filter.creditCode = code
            case .district(let district):
                if let asked = filter.district, asked != district { return nil }
                filter.district = district
            case .nothing: return nil
            }
            return filter
        }
    }

    static func noCase(_ id: UUID) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到申报 \(id.uuidString.lowercased())", en: "no application \(id.uuidString.lowercased())"))
    }
}
