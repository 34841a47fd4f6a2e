import FluentKit
import Foundation
import Workflow

extension CaseNotice {
    /// Where the platform's notices put it: the enterprise's users, a group of officers, a department.
    var noticeRecipient: NoticeRecipient {
        switch recipient {
        case .enterprise(let code): return .enterprise(creditCode: code)
        case .officers(let role, let district): return .group(role: role, district: district)
        case .department(let code): return .group(role: .department, department: code)
        }
    }

    /// Posts the notice in the platform and queues a mail to each account it reaches that has a
    /// mail address — on `db`, so inside the caller's transaction.
    public func post(on db: any Database) async throws {
        let draft = NoticeDraft(recipient: noticeRecipient, kind: kind, title: title, body: body, applicationID: caseID)
        try await NoticeComposer(db: db).post(draft, mailTo: try await Self.addresses(of: noticeRecipient, on: db))
    }

    /// The mail addresses of the enabled accounts a recipient names.
    static func addresses(of recipient: NoticeRecipient, on db: any Database) async throws -> [String] {
        let query = UserModel.query(on: db).filter(\.$disabled == false).filter(\.$email != nil)
        switch recipient {
        case .user(let id): query.filter(\.$id == id)
        case .enterprise(let code): query.filter(\.$role == Role.enterprise.rawValue).filter(\.$enterpriseCode == code)
        case .group(let role, let district, let department):
            query.filter(\.$role == role.rawValue)
            if let district { query.filter(\.$districtCode == district) }
            if let department { query.filter(\.$departmentCode == department) }
        }
        return try await query.all().compactMap(\.email)
    }
}
