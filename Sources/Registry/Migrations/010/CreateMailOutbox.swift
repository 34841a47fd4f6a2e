import FluentKit
import SQLKit

/// The outgoing mail queue (item 7 of issue 10).
struct CreateMailOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MailOutboxModel.schema)
            .id()
            .field("to_address", .string, .required)
            .field("subject", .string, .required)
            .field("body_text", .string, .required)
            .field("notice_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime)
            .field("last_attempt_at", .datetime)
            .field("sent_at", .datetime)
            .field("last_error", .string)
            .create()
        if let sql = database as? any SQLDatabase {
            // The sender's query: what is due, oldest first.
            try await sql.create(index: "mail_outbox_due").on(MailOutboxModel.schema).column("next_attempt_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MailOutboxModel.schema).delete()
    }
}
