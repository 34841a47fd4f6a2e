import API
import Foundation
import Registry
import Workflow

/// The administrator's accounts: list, create, read, change (role, binding, disable, unlock,
/// a new password).
extension APIHandler {
    var administration: AccountAdministration {
        AccountAdministration(db: services.database(), hasher: services.accounts.hasher, vocabulary: vocabulary)
    }

    func listUsers(_ input: Operations.ListUsers.Input) async throws -> Operations.ListUsers.Output {
        .ok(.init(body: .json(try await accounts.all().map(Self.account))))
    }

    func createUser(_ input: Operations.CreateUser.Input) async throws -> Operations.CreateUser.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var fields = AccountAdministration.Fields()
        fields.role = Role(rawValue: body.role.rawValue)
        fields.displayName = body.displayName
        fields.enterpriseCode = body.enterpriseCode
        fields.district = body.district
        fields.department = body.department
        fields.institution = body.institution
        let record = try await administration.create(username: body.username, password: body.password, fields: fields)
        return .created(.init(body: .json(Self.account(record))))
    }

    func getUser(_ input: Operations.GetUser.Input) async throws -> Operations.GetUser.Output {
        let id = try uuid(input.path.id)
        guard let record = try await accounts.account(id) else {
            throw RegistryError.notFound(.init(zh: "未找到用户 \(input.path.id)", en: "no user \(input.path.id)"))
        }
        return .ok(.init(body: .json(Self.account(record))))
    }

    func updateUser(_ input: Operations.UpdateUser.Input) async throws -> Operations.UpdateUser.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var fields = AccountAdministration.Fields()
        fields.role = body.role.flatMap { Role(rawValue: $0.rawValue) }
        fields.displayName = body.displayName
        fields.enterpriseCode = body.enterpriseCode
        fields.district = body.district
        fields.department = body.department
        fields.institution = body.institution
        let id = try uuid(input.path.id)
        // An administrator who demoted or disabled themselves could leave nobody to undo it.
        if id == (try access().account.id), (fields.role.map { $0 != .administrator } ?? false) || body.disabled == true {
            throw RegistryError.conflict(.init(zh: "不能停用自己的账户或取消自己的管理员角色", en: "you cannot disable your own account or give up your own administrator role"))
        }
        let record = try await administration.change(id, fields: fields, disabled: body.disabled,
                                                     unlock: body.unlock ?? false, password: body.password)
        return .ok(.init(body: .json(Self.account(record))))
    }
}
