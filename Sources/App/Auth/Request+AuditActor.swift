import Vapor
import Workflow

extension Request {
    /// The actor the audit trail records for this request: the account, and the client's address.
    /// (Until accounts are connected every request is recorded as `anonymous`.)
    var auditActor: AuditActor {
        AuditActor(userID: nil, name: "anonymous", address: clientAddress)
    }

    /// The client's address as the audit trail records it (the socket's peer; a proxy's
    /// forwarding header is trusted only when the server is configured behind one).
    var clientAddress: String? { remoteAddress?.ipAddress }
}
