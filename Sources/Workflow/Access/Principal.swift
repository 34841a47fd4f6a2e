import Foundation

/// The account behind a request, as the access checks and the stores see it: who, in which role,
/// bound to which enterprise, district, department or institution.
public struct Principal: Sendable, Hashable {
    /// What a bound role is bound to (`Role.bindsTo`).
    public enum Binding: String, Sendable, Codable {
        case enterprise, district, department, institution
    }

    public let userID: UUID
    public let username: String
    public let role: Role
    /// The enterprise's unified social credit code (role `enterprise`).
    public let enterpriseCode: String?
    /// The district's division code (role `district_officer`).
    public let district: String?
    /// The reviewing department's code from the policy library (role `department`).
    public let department: String?
    /// The bank's or lessor's name as contracts carry it (role `bank`).
    public let institution: String?

    public init(userID: UUID, username: String, role: Role, enterpriseCode: String? = nil,
                district: String? = nil, department: String? = nil, institution: String? = nil) {
        self.userID = userID
        self.username = username
        self.role = role
        self.enterpriseCode = enterpriseCode
        self.district = district
        self.department = department
        self.institution = institution
    }

    /// Whether the account may see everything (city officer, administrator).
    public var isCityWide: Bool { role == .cityOfficer || role == .administrator }
}
