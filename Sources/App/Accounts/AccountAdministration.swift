import FluentKit
import Foundation
import Policy
import Registry
import Workflow

/// Creating and changing accounts, the same for the API (`POST /api/users`, `PATCH /api/users/{id}`)
/// and the command line (`renewal user`): the name, the password's strength and the role's
/// binding checked, every problem by its field, nothing written when one is found.
public struct AccountAdministration: Sendable {
    let store: AccountStore
    let hasher: PasswordHasher
    let vocabulary: Vocabulary
    /// The reviewing departments' codes (`workflow/departments.yaml`): a department account is
    /// bound to one of them.
    let departments: Set<String>
    /// Who makes the changes, for the audit trail.
    let actor: AuditActor

    public init(db: any Database, hasher: PasswordHasher, vocabulary: Vocabulary, departments: Set<String>, actor: AuditActor) {
        store = AccountStore(db: db)
        self.hasher = hasher
        self.vocabulary = vocabulary
        self.departments = departments
        self.actor = actor
    }

    /// The fields of an account as a request or a command gives them.
    public struct Fields: Sendable {
        public var role: Role?
        public var displayName: String?
        public var enterpriseCode: String?
        public var district: String?
        public var department: String?
        public var institution: String?
        public var email: String?
        public init() {}
    }

    public func create(username rawName: String, password: String, fields: Fields) async throws -> AccountRecord {
        let username = UsernameRules.normalized(rawName)
        var issues: [ValidationIssue] = []
        if let problem = UsernameRules.problem(username) { issues.append(ValidationIssue(path: "$.username", zh: problem.zh, en: problem.en)) }
        issues += passwordIssues(password, username: username)
        let role = fields.role ?? .enterprise
        if let name = fields.displayName, let problem = TextKind.name.problem(in: name) {
            issues.append(ValidationIssue(path: "$.displayName", zh: problem.zh, en: problem.en))
        }
        let binding = self.binding(role: role, fields: fields, current: AccountBinding(), issues: &issues)
        let email = self.email(fields.email, issues: &issues)
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        let new = NewAccount(username: username, role: role, displayName: fields.displayName?.trimmingCharacters(in: .whitespaces) ?? username, binding: binding,
                             email: email?.isEmpty == true ? nil : email)
        return try await store.create(new, passwordHash: try await hasher.hash(password), by: actor)
    }

    public func change(_ id: UUID, fields: Fields, disabled: Bool?, unlock: Bool, password: String?) async throws -> AccountRecord {
        guard let current = try await store.account(id) else {
            throw RegistryError.notFound(LocalizedText(zh: "未找到用户 \(id.uuidString.lowercased())", en: "no user \(id.uuidString.lowercased())"))
        }
        var issues: [ValidationIssue] = []
        if let password { issues += passwordIssues(password, username: current.username) }
        if let name = fields.displayName, let problem = TextKind.name.problem(in: name) {
            issues.append(ValidationIssue(path: "$.displayName", zh: problem.zh, en: problem.en))
        }
        let role = fields.role ?? current.role
        let binding = self.binding(role: role, fields: fields, current: current.binding, issues: &issues)
        let email = self.email(fields.email, issues: &issues)
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        var change = AccountChange()
        change.email = email
        change.role = fields.role
        change.displayName = fields.displayName?.trimmingCharacters(in: .whitespaces)
        change.binding = binding
        change.disabled = disabled
        change.unlock = unlock
        if let password { change.passwordHash = try await hasher.hash(password) }
        return try await store.update(id, change, by: actor)
    }

    /// A mail address, trimmed; "" clears it (a change); anything else must be an address.
    func email(_ text: String?, issues: inout [ValidationIssue]) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces) else { return nil }
        if !text.isEmpty, !MailAddress.isValid(text) {
            issues.append(ValidationIssue(path: "$.email", zh: "邮箱地址无效", en: "not a mail address"))
        }
        return text
    }

    func passwordIssues(_ password: String, username: String) -> [ValidationIssue] {
        PasswordRules.problems(password, username: username).map { ValidationIssue(path: "$.password", zh: $0.zh, en: $0.en) }
    }

    /// The binding the role needs, from the given fields over the current ones; the district kept
    /// as its division code whatever name was given.
    func binding(role: Role, fields: Fields, current: AccountBinding, issues: inout [ValidationIssue]) -> AccountBinding {
        var b = current
        if let v = fields.enterpriseCode { b.enterpriseCode = v.trimmingCharacters(in: .whitespaces).uppercased() }
        if let v = fields.district { b.districtCode = v.trimmingCharacters(in: .whitespaces) }
        if let v = fields.department { b.departmentCode = v.trimmingCharacters(in: .whitespaces) }
        if let v = fields.institution { b.institution = v.trimmingCharacters(in: .whitespaces) }
        func missing(_ path: String) {
            issues.append(ValidationIssue(path: path, zh: "“\(role.label.zh)”角色须填写此项", en: "required for the role \(role.label.en)"))
        }
        switch role.bindsTo {
        case .enterprise?:
            guard let code = b.enterpriseCode, !code.isEmpty else { missing("$.enterpriseCode"); break }
            if CreditCode.problem(in: code) != nil {
                issues.append(ValidationIssue(path: "$.enterpriseCode", zh: "不是有效的统一社会信用代码：\(code)", en: "not a valid unified social credit code: \(code)"))
            }
        case .district?:
            guard let name = b.districtCode, !name.isEmpty else { missing("$.district"); break }
            if let district = vocabulary.district(named: name) { b.districtCode = district.code } else {
                issues.append(ValidationIssue(path: "$.district", zh: "未知的区：\(name)", en: "unknown district: \(name)"))
            }
        case .department?:
            guard let code = b.departmentCode, !code.isEmpty else { missing("$.department"); break }
            if let problem = TextKind.code.problem(in: code) { issues.append(ValidationIssue(path: "$.department", zh: problem.zh, en: problem.en)) }
            else if !departments.contains(code) {
                let known = departments.sorted().joined(separator: ", ")
                issues.append(ValidationIssue(path: "$.department", zh: "未知的联审部门：\(code)（可选：\(known)）", en: "unknown reviewing department: \(code) (one of: \(known))"))
            }
        case .institution?:
            guard let name = b.institution, !name.isEmpty else { missing("$.institution"); break }
            if let problem = TextKind.name.problem(in: name) { issues.append(ValidationIssue(path: "$.institution", zh: problem.zh, en: problem.en)) }
        case nil: break
        }
        return b.kept(for: role)
    }
}
