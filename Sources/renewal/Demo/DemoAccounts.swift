import App
import Foundation
import Policy
import Registry
import Workflow

/// The demonstration's accounts: one of each role the platform has, all with one password the
/// command prints (or is given). They are for the demonstration only: `renewal demo` refuses a
/// database that already holds enterprises, so they never sit beside real accounts.
struct DemoAccounts {
    struct Account {
        var username: String
        var role: Role
        var fields: AccountAdministration.Fields
        var what: String
    }

    static let bank = "演示银行上海分行"
    static let lessor = "演示融资租赁有限公司"

    static func all(enterpriseCode: String, departments: [String]) -> [Account] {
        func fields(_ role: Role, _ edit: (inout AccountAdministration.Fields) -> Void = { _ in }) -> AccountAdministration.Fields {
            var f = AccountAdministration.Fields()
            f.role = role
            edit(&f)
            return f
        }
        var accounts = [
            Account(username: "demo.admin", role: .administrator, fields: fields(.administrator) { $0.displayName = "演示管理员" }, what: "administrator"),
            Account(username: "demo.city", role: .cityOfficer, fields: fields(.cityOfficer) { $0.displayName = "市经济信息化委（演示）" }, what: "city officer"),
            Account(username: "demo.pudong", role: .districtOfficer, fields: fields(.districtOfficer) { $0.district = "pudong"; $0.displayName = "浦东新区（演示）" }, what: "district officer of Pudong"),
            Account(username: "demo.enterprise", role: .enterprise, fields: fields(.enterprise) { $0.enterpriseCode = enterpriseCode; $0.displayName = "演示企业用户" }, what: "user of the first demo enterprise (Pudong)"),
            Account(username: "demo.bank", role: .bank, fields: fields(.bank) { $0.institution = bank; $0.displayName = bank }, what: "bank (lender of the demo loans)"),
            Account(username: "demo.lessor", role: .bank, fields: fields(.bank) { $0.institution = lessor; $0.displayName = lessor }, what: "lessor (of the demo leases)"),
        ]
        for code in departments {
            accounts.append(Account(username: "demo.dept.\(code)", role: .department, fields: fields(.department) { $0.department = code }, what: "reviewing department \(code)"))
        }
        return accounts
    }
}
