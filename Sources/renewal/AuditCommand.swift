import ArgumentParser
import Foundation
import Registry

/// `renewal audit`: the audit trail from the command line — check its chain, export it.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Verify or export the audit trail (审计日志).",
        subcommands: [AuditVerifyCommand.self, AuditExportCommand.self])
}

/// `renewal audit verify`: recomputes the hash chain; exits 1 and names the first entry that
/// does not hold.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check every entry's hash and its link to the one before; exit 1 at the first broken entry.")

    @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?

    func run() async throws {
        let result = try await RegistryConnection.with(DatabaseSession.settings(sqlite: sqlite)) { connection in
            try await AuditTrail.verify(on: connection.db)
        }
        switch result {
        case .intact(let entries, let head):
            print("审计日志完整：\(entries) 条记录，末条哈希 \(head)")
            print("audit trail intact: \(entries) entries, last hash \(head)")
        case .broken(let seq, let reason):
            FileHandle.standardError.write(Data("审计日志在第 \(seq) 条记录处断开：\(reason.zh)\naudit trail broken at entry \(seq): \(reason.en)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// `renewal audit export`: the entries of one case, one account or everything, as JSON Lines.
struct AuditExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write audit entries as JSON Lines, oldest first.")

    @ArgumentParser.Option(help: "Only the entries of this case (application id).") var caseID: String?
    @ArgumentParser.Option(help: "Only the entries made by this account (user id).") var user: String?
    @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?

    func run() async throws {
        var query = AuditQuery(caseID: caseID, limit: 1000)
        if let user {
            guard let id = UUID(uuidString: user) else { throw ValidationError("--user 应为账号的 UUID / --user must be an account's UUID") }
            query.actorUserID = id
        }
        try await RegistryConnection.with(DatabaseSession.settings(sqlite: sqlite)) { connection in
            while true {
                let page = try await AuditTrail.entries(query, on: connection.db)
                guard let last = page.last else { break }
                var out = Data()
                for entry in page { out.append(AuditEntryJSON.line(entry)); out.append(10) }
                FileHandle.standardOutput.write(out)
                query.afterSeq = last.seq
            }
        }
    }
}
