import FluentKit
import Foundation

/// A commitment filing (承诺备案): the record a zero-land technical-renovation project gets at
/// once on its signed commitment. Its status moves when it is drawn, verified or revoked; what
/// happened to it is kept in the append-only samples and verifications and on the audit trail.
public final class CommitmentFilingModel: Model, @unchecked Sendable {
    public static let schema = "commitment_filings"
    @ID(key: .id) public var id: UUID?
    /// The readable filing number, `CN-2026-000123`: the year it was filed and its place in that year.
    @Field(key: "number") public var number: String
    @Field(key: "year") public var year: Int
    @Field(key: "seq") public var seq: Int
    /// The day the filing was made (`YYYY-MM-DD`).
    @Field(key: "filed_on") public var filedOn: String
    @Parent(key: "application_id") public var application: ApplicationModel
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "credit_code") public var creditCode: String
    @Field(key: "district") public var district: String
    /// `Workflow.CommitmentFilingStatus`'s raw value.
    @Field(key: "status") public var status: String
    /// The signed commitment the filing stands on: the material and its SHA-256.
    @Field(key: "commitment_material_id") public var commitmentMaterialID: UUID
    @Field(key: "commitment_sha256") public var commitmentSHA256: String
    /// The project's status when the filing was made, and whether the filing moved it to `filed`
    /// (a revocation moves it back to the reserve only then).
    @Field(key: "project_status_before") public var projectStatusBefore: String
    @Field(key: "moved_project") public var movedProject: Bool
    /// The sample that drew the filing, if one did.
    @OptionalField(key: "sample_id") public var sampleID: UUID?
    @OptionalField(key: "revoked_on") public var revokedOn: String?
    @OptionalField(key: "revocation_reasons") public var revocationReasons: String?
    /// Raised on every change (and by the row lock of a change).
    @Field(key: "revision") public var revision: Int
    @Field(key: "filed_by") public var filedBy: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}
}

/// A verification sample (承诺备案抽查) over the filings of a period: the seed it was drawn with,
/// the rate, the filings it was drawn from and those drawn. Append-only: a draw is never redone.
public final class CommitmentSampleModel: Model, @unchecked Sendable {
    public static let schema = "commitment_samples"
    @ID(key: .id) public var id: UUID?
    /// The period's first and last filing day (`YYYY-MM-DD`), both included.
    @Field(key: "period_from") public var periodFrom: String
    @Field(key: "period_to") public var periodTo: String
    /// The seed, 16 hexadecimal digits (a `UInt64`).
    @Field(key: "seed") public var seed: String
    /// The rate as a decimal text, `0.20`.
    @Field(key: "rate") public var rate: String
    @Field(key: "population") public var population: Int
    /// The filing numbers drawn from, and those drawn, as JSON arrays sorted by number.
    @Field(key: "population_json") public var populationJSON: String
    @Field(key: "selected_json") public var selectedJSON: String
    @Field(key: "drawn_on") public var drawnOn: String
    @Field(key: "drawn_by") public var drawnBy: String
    @Field(key: "drawn_at") public var drawnAt: Date
    public init() {}

    public var populationNumbers: [String] { Self.numbers(populationJSON) }
    public var selectedNumbers: [String] { Self.numbers(selectedJSON) }

    static func numbers(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    static func json(_ numbers: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(numbers)) ?? Data("[]".utf8), as: UTF8.self)
    }
}

/// One verification of a filing (核查): the commitment kept, or breached with its reasons. A
/// breach revokes the filing; the row is what the ledger reads to claw back what was granted on
/// it (the application, the project, the enterprise, the day, the reasons). Append-only.
public final class CommitmentVerificationModel: Model, @unchecked Sendable {
    public static let schema = "commitment_verifications"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "filing_id") public var filing: CommitmentFilingModel
    @OptionalField(key: "sample_id") public var sampleID: UUID?
    @Field(key: "application_id") public var applicationID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "credit_code") public var creditCode: String
    /// `kept` or `breached`.
    @Field(key: "outcome") public var outcome: String
    @OptionalField(key: "reasons") public var reasons: String?
    @Field(key: "status_before") public var statusBefore: String
    @Field(key: "status_after") public var statusAfter: String
    /// The project's status before and after, when the revocation moved it back to the reserve.
    @OptionalField(key: "project_status_before") public var projectStatusBefore: String?
    @OptionalField(key: "project_status_after") public var projectStatusAfter: String?
    @Field(key: "verified_on") public var verifiedOn: String
    @Field(key: "verified_by") public var verifiedBy: String
    @Field(key: "verified_at") public var verifiedAt: Date
    public init() {}
}
