import Foundation
import Workflow

/// Who a notice is for: one account, every account of an enterprise, or a group of officers —
/// a role, narrowed to a district or a department when given (all district officers of Pudong,
/// the reviewers of one department, every city officer).
public enum NoticeRecipient: Sendable, Hashable {
    case user(UUID)
    case enterprise(creditCode: String)
    case group(role: Role, district: String? = nil, department: String? = nil)
}

extension NoticeRecipient {
    init?(_ model: NoticeModel) {
        if let id = model.recipientUserID {
            self = .user(id)
        } else if let code = model.recipientCreditCode {
            self = .enterprise(creditCode: code)
        } else if let role = model.recipientRole.flatMap(Role.init(rawValue:)) {
            self = .group(role: role, district: model.recipientDistrict, department: model.recipientDepartment)
        } else {
            return nil
        }
    }

    func write(to model: NoticeModel) {
        switch self {
        case .user(let id):
            model.recipientUserID = id
        case .enterprise(let code):
            model.recipientCreditCode = code
        case .group(let role, let district, let department):
            model.recipientRole = role.rawValue
            model.recipientDistrict = district
            model.recipientDepartment = department
        }
    }
}
