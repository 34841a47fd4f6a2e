import Workflow

extension APIHandler {
    /// The actor the audit trail records for an operation of the generated server.
    /// (Until accounts are connected every request is recorded as `anonymous`.)
    func currentActor() -> AuditActor {
        AuditActor(userID: nil, name: "anonymous", address: nil)
    }
}
