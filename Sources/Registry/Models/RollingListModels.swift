import FluentKit
import Foundation

/// A rolling list (滚动清单): a numbered, dated batch of projects that officers publish, revise
/// and send to banks. Each revision is a new version; entries keep the versions they were
/// added and removed in, so a project's history across batches is never lost.
public final class RollingListModel: Model, @unchecked Sendable {
    public static let schema = "rolling_lists"
    @ID(key: .id) public var id: UUID?
    @Field(key: "number") public var number: String
    @Field(key: "title") public var title: String
    @Field(key: "status") public var status: String
    @Field(key: "version") public var version: Int
    @OptionalField(key: "note") public var note: String?
    @Children(for: \.$list) public var entries: [RollingListEntryModel]
    @Children(for: \.$list) public var versions: [RollingListVersionModel]
    /// What each published version carried (`RollingListSnapshotModel`).
    @Children(for: \.$list) public var snapshots: [RollingListSnapshotModel]
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}
}

public final class RollingListEntryModel: Model, @unchecked Sendable {
    public static let schema = "rolling_list_entries"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "list_id") public var list: RollingListModel
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "added_in_version") public var addedInVersion: Int
    @OptionalField(key: "removed_in_version") public var removedInVersion: Int?
    public init() {}
}

public final class RollingListVersionModel: Model, @unchecked Sendable {
    public static let schema = "rolling_list_versions"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "list_id") public var list: RollingListModel
    @Field(key: "version") public var version: Int
    @OptionalField(key: "note") public var note: String?
    @Field(key: "added") public var added: Int
    @Field(key: "removed") public var removed: Int
    @OptionalField(key: "published_at") public var publishedAt: Date?
    /// Banks and lessors the version was sent to, separated by newlines.
    @Field(key: "sent_to") public var sentTo: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    public init() {}
}
