import FluentKit
import Foundation
import Policy

/// An enterprise, keyed by its unified social credit code.
public final class EnterpriseModel: Model, @unchecked Sendable {
    public static let schema = "enterprises"

    @ID(key: .id) public var id: UUID?
    @Field(key: "credit_code") public var creditCode: String
    @Field(key: "name") public var name: String
    @Field(key: "district") public var district: String
    @Field(key: "industry_code") public var industryCode: String
    /// Read by the risk flags (migration 016); nil where not declared.
    @OptionalField(key: "legal_representative") public var legalRepresentative: String?
    @OptionalField(key: "address") public var address: String?
    @OptionalField(key: "phone") public var phone: String?
    @Children(for: \.$enterprise) public var projects: [ProjectModel]
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, creditCode: String, name: String, district: String, industryCode: String) {
        self.id = id
        self.creditCode = creditCode
        self.name = name
        self.district = district
        self.industryCode = industryCode
    }

    /// The enterprise's declared details (all but the credit code, its key).
    func assign(_ e: Enterprise) {
        name = e.name
        district = e.district
        industryCode = e.industryCode
        legalRepresentative = e.legalRepresentative
        address = e.address
        phone = e.phone
    }

    /// Whether the stored details differ from `e`'s.
    func differs(from e: Enterprise) -> Bool {
        name != e.name || district != e.district || industryCode != e.industryCode
            || legalRepresentative != e.legalRepresentative || address != e.address || phone != e.phone
    }
}
