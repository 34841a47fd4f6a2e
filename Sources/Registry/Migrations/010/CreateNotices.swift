import FluentKit
import SQLKit

/// Notices and their read receipts (item 7 of issue 10).
struct CreateNotices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NoticeModel.schema)
            .id()
            .field("recipient_user_id", .uuid)
            .field("recipient_credit_code", .string)
            .field("recipient_role", .string)
            .field("recipient_district", .string)
            .field("recipient_department", .string)
            .field("kind", .string, .required)
            .field("title_zh", .string, .required)
            .field("title_en", .string, .required)
            .field("body_zh", .string, .required)
            .field("body_en", .string, .required)
            .field("application_id", .uuid)
            .field("project_id", .uuid)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(NoticeReadModel.schema)
            .id()
            .field("notice_id", .uuid, .required, .references(NoticeModel.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required)
            .field("read_at", .datetime, .required)
            // Also the index the reader's join goes through.
            .unique(on: "notice_id", "user_id")
            .create()
        if let sql = database as? any SQLDatabase {
            // One per way a reader is addressed: the list's query is an OR of the three.
            try await sql.create(index: "notices_user").on(NoticeModel.schema).column("recipient_user_id").column("created_at").run()
            try await sql.create(index: "notices_enterprise").on(NoticeModel.schema).column("recipient_credit_code").column("created_at").run()
            try await sql.create(index: "notices_group").on(NoticeModel.schema).column("recipient_role").column("created_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NoticeReadModel.schema).delete()
        try await database.schema(NoticeModel.schema).delete()
    }
}
