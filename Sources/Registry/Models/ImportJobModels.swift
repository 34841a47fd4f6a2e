import FluentKit
import Foundation

/// A bulk import: which file, how far it got, and the rows it refused. Chunks are committed one
/// transaction each; a resumed import starts after the last committed chunk.
public final class ImportJobModel: Model, @unchecked Sendable {
    public static let schema = "import_jobs"
    @ID(key: .id) public var id: UUID?
    @Field(key: "format") public var format: String
    @Field(key: "file_name") public var fileName: String
    /// SHA-256 of the file, so a resume is refused for a different file.
    @Field(key: "file_digest") public var fileDigest: String
    @Field(key: "chunk_size") public var chunkSize: Int
    @Field(key: "status") public var status: String
    @Field(key: "rows") public var rows: Int
    @Field(key: "imported") public var imported: Int
    @Field(key: "failed") public var failed: Int
    @Field(key: "chunks") public var chunks: Int
    @Field(key: "committed_chunks") public var committedChunks: Int
    /// `create` (a row whose project exists is refused) or `replace` (`ImportMode`).
    @Field(key: "mode") public var mode: String
    /// Projects replaced (their earlier versions kept), and projects named again unchanged.
    @Field(key: "replaced") public var replaced: Int
    @Field(key: "unchanged") public var unchanged: Int
    @Children(for: \.$job) public var errors: [ImportErrorModel]
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}
}

public final class ImportErrorModel: Model, @unchecked Sendable {
    public static let schema = "import_errors"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "job_id") public var job: ImportJobModel
    @Field(key: "row") public var row: Int
    @OptionalField(key: "column") public var column: String?
    @Field(key: "message_zh") public var messageZh: String
    @Field(key: "message_en") public var messageEn: String
    public init() {}
}
