import Vapor
import Workflow

extension Request {
    /// The actor the audit trail records for this request: the signed-in account and the
    /// client's address (`anonymous` only on public routes, which change nothing).
    var auditActor: AuditActor {
        guard let access else { return AuditActor(userID: nil, name: "anonymous", address: clientAddress) }
        return AuditActor(principal: access.principal, address: clientAddress)
    }
}
