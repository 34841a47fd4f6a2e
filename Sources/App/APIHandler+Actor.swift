import Workflow

extension APIHandler {
    /// The actor the audit trail records for an operation of the generated server: the signed-in
    /// account and the client's address, from the request's context.
    func currentActor() -> AuditActor {
        guard let context = RequestContext.current else { return AuditActor(userID: nil, name: "anonymous", address: nil) }
        guard let access = context.access else { return AuditActor(userID: nil, name: "anonymous", address: context.address) }
        return AuditActor(principal: access.principal, address: context.address)
    }
}
