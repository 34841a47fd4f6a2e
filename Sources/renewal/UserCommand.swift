import App
import ArgumentParser
import Foundation
import Policy
import Registry
import Workflow

/// `renewal user`: accounts from the command line — the first administrator above all, since
/// no account (and no default password) exists until one is made here.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Create and manage accounts (the first administrator is made with `renewal user add`).",
        subcommands: [Add.self, List.self, Passwd.self, Unlock.self]
    )

    struct Options: ParsableArguments {
        @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?
        @ArgumentParser.Option(help: "Policy library folder (for district names).") var policy: String?
    }

    /// Runs `body` with the accounts' administration over the database `serve` uses.
    static func administration<T>(_ options: Options, _ body: (AccountAdministration, AccountStore) async throws -> T) async throws -> T {
        let settings = AccessSettings.fromEnvironment(ProcessInfo.processInfo.environment)
        let hasher = try PasswordHasher(cost: settings.bcryptCost)
        return try await DatabaseSession.with(sqlite: options.sqlite, policy: options.policy) { session in
            try await body(AccountAdministration(db: session.db, hasher: hasher, vocabulary: session.library.vocabulary), AccountStore(db: session.db))
        }
    }

    /// Validation problems as the other commands print them, exit code 2.
    static func refused(_ failure: ValidationFailure) -> ExitCode {
        for issue in failure.issues {
            FileHandle.standardError.write(Data("\(issue.path): \(issue.message.zh) / \(issue.message.en)\n".utf8))
        }
        return ExitCode(2)
    }

    static func find(_ username: String, in store: AccountStore) async throws -> AccountRecord {
        guard let found = try await store.credentials(of: UsernameRules.normalized(username))?.account else {
            throw ValidationError("没有用户 \(username) / no user \(username)")
        }
        return found
    }
}

extension UserCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account; the password is read from a prompt, or the first line of standard input.",
            discussion: "printf '%s\\n' \"$PASSWORD\" | renewal user add admin --role administrator")

        @Argument(help: "Username (lower-case letters, digits, . _ -).") var username: String
        @ArgumentParser.Option(help: "enterprise, district_officer, city_officer, department, bank or administrator.") var role: String
        @ArgumentParser.Option(help: "Name shown in the platform.") var displayName: String?
        @ArgumentParser.Option(help: "Credit code of the enterprise (role enterprise).") var enterprise: String?
        @ArgumentParser.Option(help: "District: id, name or division code (role district_officer).") var district: String?
        @ArgumentParser.Option(help: "Department code (role department).") var department: String?
        @ArgumentParser.Option(help: "Bank or lessor name (role bank).") var institution: String?
        @OptionGroup var options: Options

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("未知的角色 / unknown role: \(self.role) (\(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            var fields = AccountAdministration.Fields()
            fields.role = role
            fields.displayName = displayName
            fields.enterpriseCode = enterprise
            fields.district = district
            fields.department = department
            fields.institution = institution
            let password = try PasswordInput.read(confirm: true)
            do {
                let record = try await UserCommand.administration(options) { admin, _ in
                    try await admin.create(username: username, password: password, fields: fields)
                }
                print("已创建用户 / created: \(record.username) (\(record.role.rawValue)) \(record.id.uuidString.lowercased())")
            } catch let failure as ValidationFailure {
                throw UserCommand.refused(failure)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var options: Options

        func run() async throws {
            let accounts = try await UserCommand.administration(options) { _, store in try await store.all() }
            let now = Date()
            for a in accounts {
                let binding = a.binding.value(for: a.role).map { " \($0)" } ?? ""
                let state = a.disabled ? " disabled" : a.isLocked(at: now) ? " locked" : ""
                print("\(a.username)\t\(a.role.rawValue)\(binding)\(state)")
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set an account's password (read as for `add`); its web sessions end.")
        @Argument var username: String
        @OptionGroup var options: Options

        func run() async throws {
            let password = try PasswordInput.read(confirm: true)
            do {
                try await UserCommand.administration(options) { admin, store in
                    let account = try await UserCommand.find(username, in: store)
                    _ = try await admin.change(account.id, fields: .init(), disabled: nil, unlock: false, password: password)
                }
                print("密码已更新 / password set: \(username)")
            } catch let failure as ValidationFailure {
                throw UserCommand.refused(failure)
            }
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift an account's lock after failed sign-ins.")
        @Argument var username: String
        @OptionGroup var options: Options

        func run() async throws {
            try await UserCommand.administration(options) { admin, store in
                let account = try await UserCommand.find(username, in: store)
                _ = try await admin.change(account.id, fields: .init(), disabled: nil, unlock: true, password: nil)
            }
            print("已解锁 / unlocked: \(username)")
        }
    }
}
