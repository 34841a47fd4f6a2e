import Foundation
import Policy
@testable import Risk

/// The shipped library and its risk settings, and small hand-made enterprises and projects.
enum RiskFixtures {
    static let library = Result { try PolicyLibraryLoader.loadDefault() }
    static let settings = Result { try RiskSettingsLoader.loadDefault(library: try library.get()) }
    static let day = Day(iso: "2025-06-30")!

    static func scanner() throws -> RiskScanner {
        RiskScanner(settings: try settings.get(), library: try library.get(), day: day)
    }

    /// A valid credit code made from a number.
    static func code(_ n: Int) -> String {
        let digits = String(n)
        let body = "91310115MA" + String(repeating: "0", count: 7 - digits.count) + digits
        return CreditCode.withCheckCharacter(body)!
    }

    static func enterprise(_ n: Int, industry: String = "C34", representative: String? = nil, address: String? = nil,
                           phone: String? = nil) -> Enterprise {
        Enterprise(creditCode: code(n), name: "企业\(n)", district: "pudong", industryCode: industry,
                   legalRepresentative: representative, address: address, phone: phone)
    }

    static func project(_ id: String, declared: Int64? = nil, start: String? = nil, end: String? = nil, applied: String? = nil,
                        equipment: [EquipmentItem] = [], loans: [Loan] = []) -> Project {
        Project(id: id, name: "项目\(id)", startDate: start.flatMap(Day.init(iso:)), endDate: end.flatMap(Day.init(iso:)),
                applicationDate: applied.flatMap(Day.init(iso:)), investment: Investment(declared: declared.map(Money.init(yuan:))),
                equipment: equipment, loans: loans)
    }

    static func ref(_ n: Int, _ id: String) -> RiskProjectRef { RiskProjectRef(creditCode: code(n), projectId: id) }
}
