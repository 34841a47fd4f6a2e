import FluentKit

/// An account's mail address (邮箱), to which its notices are also mailed.
struct AddUserEmail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("email", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).deleteField("email").update()
    }
}
