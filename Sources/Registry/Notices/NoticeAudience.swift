import SQLKit
import Workflow

/// The notices one account may read, as an SQL condition on `notices n`: those sent to it, to
/// its enterprise (an enterprise account), or to a group it belongs to — its role, with the
/// group's district and department either open or its own.
struct NoticeAudience {
    let principal: Principal

    var condition: SQLQueryString {
        var condition: SQLQueryString = "(n.recipient_user_id = \(bind: principal.userID)"
        if principal.role == .enterprise, let code = principal.enterpriseCode {
            condition += " OR n.recipient_credit_code = \(bind: code)"
        }
        condition += " OR (n.recipient_role = \(bind: principal.role.rawValue)"
        condition += Self.narrowing("n.recipient_district", to: principal.district)
        condition += Self.narrowing("n.recipient_department", to: principal.department)
        condition += "))"
        return condition
    }

    /// A group's district (or department) is open, or the account's own.
    private static func narrowing(_ column: String, to value: String?) -> SQLQueryString {
        if let value { return " AND (\(unsafeRaw: column) IS NULL OR \(unsafeRaw: column) = \(bind: value))" }
        return " AND \(unsafeRaw: column) IS NULL"
    }
}
