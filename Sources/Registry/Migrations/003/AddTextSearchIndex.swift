import FluentKit
import SQLKit

/// An index for the text filter (a substring of a project's name or id or its enterprise's
/// name): `LIKE '%…%'` read every row, 0.8–1.4 s at a million projects.
///
/// - PostgreSQL: a trigram GIN index (pg_trgm) on `search_text`; the planner uses it for the
///   same LIKE when the text is selective, and walks the list's order index when it is not.
/// - SQLite: an FTS5 table with the trigram tokenizer over `search_text` (external content: the
///   text is not stored twice), kept in step by triggers on `projects`. It is keyed by the
///   projects' rowid, which only VACUUM renumbers: after a VACUUM, run
///   `INSERT INTO project_search(project_search) VALUES ('rebuild')`.
struct AddTextSearchIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
            try await sql.raw("CREATE INDEX IF NOT EXISTS projects_search_trgm ON projects USING gin (search_text gin_trgm_ops)").run()
        case "sqlite":
            try await sql.raw("""
                CREATE VIRTUAL TABLE IF NOT EXISTS project_search USING fts5(
                    search_text, content='projects', content_rowid='rowid', tokenize='trigram')
                """).run()
            try await sql.raw("""
                CREATE TRIGGER IF NOT EXISTS project_search_insert AFTER INSERT ON projects BEGIN
                    INSERT INTO project_search(rowid, search_text) VALUES (new.rowid, new.search_text);
                END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER IF NOT EXISTS project_search_delete AFTER DELETE ON projects BEGIN
                    INSERT INTO project_search(project_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
                END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER IF NOT EXISTS project_search_update AFTER UPDATE OF search_text ON projects BEGIN
                    INSERT INTO project_search(project_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
                    INSERT INTO project_search(rowid, search_text) VALUES (new.rowid, new.search_text);
                END
                """).run()
            try await sql.raw("INSERT INTO project_search(project_search) VALUES ('rebuild')").run()
        default:
            return
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("DROP INDEX IF EXISTS projects_search_trgm").run()
        case "sqlite":
            for trigger in ["project_search_insert", "project_search_delete", "project_search_update"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger)").run()
            }
            try await sql.raw("DROP TABLE IF EXISTS project_search").run()
        default:
            return
        }
    }
}
