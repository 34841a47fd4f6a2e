import SQLKit

/// Makes a table append-only in the database itself: triggers that refuse UPDATE and DELETE
/// (and, on PostgreSQL, TRUNCATE) of its rows, on SQLite and PostgreSQL alike. Used for the
/// audit trail; the ledger will be the next.
enum AppendOnlyTable {
    static func protect(_ table: String, on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION renewal_refuse_change() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'the table % is append-only: rows are never updated or deleted', TG_TABLE_NAME; END
                $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE ON \(unsafeRaw: table)
                FOR EACH ROW EXECUTE FUNCTION renewal_refuse_change()
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(unsafeRaw: table)_no_truncate BEFORE TRUNCATE ON \(unsafeRaw: table)
                FOR EACH STATEMENT EXECUTE FUNCTION renewal_refuse_change()
                """).run()
        } else {
            for verb in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: verb.lowercased()) BEFORE \(unsafeRaw: verb) ON \(unsafeRaw: table)
                    BEGIN SELECT RAISE(ABORT, 'the table \(unsafeRaw: table) is append-only: rows are never updated or deleted'); END
                    """).run()
            }
        }
    }

    static func release(_ table: String, on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_append_only ON \(unsafeRaw: table)").run()
            try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_no_truncate ON \(unsafeRaw: table)").run()
        } else {
            for verb in ["update", "delete"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_no_\(unsafeRaw: verb)").run()
            }
        }
    }
}
