import FluentKit
import Foundation

/// A report of a target's measure for one quarter (the figures the registry cannot count: the
/// catalogue's products, green factories, standards …), in the city or one district.
/// Append-only: a correction is a new report; the latest of a quarter stands, every earlier one
/// is kept.
public final class TargetReportModel: Model, @unchecked Sendable {
    public static let schema = "target_reports"
    @ID(key: .id) public var id: UUID?
    @Field(key: "target") public var target: String
    @Field(key: "measure") public var measure: String
    /// `2025Q4`.
    @Field(key: "quarter") public var quarter: String
    /// A district's id, or `city` for the whole city: never null, so that the version is unique per scope on both databases.
    @Field(key: "scope") public var scope: String
    /// From 1 within (measure, quarter, scope): the latest stands.
    @Field(key: "version") public var version: Int
    /// Plain decimal text in the measure's unit.
    @Field(key: "value") public var value: String
    @Field(key: "evidence") public var evidence: String
    @Field(key: "reported_by") public var reportedBy: String
    @Field(key: "reported_at") public var reportedAt: Date
    public init() {}

    public static let cityScope = "city"
    public var district: String? { scope == Self.cityScope ? nil : scope }
}
