import Workflow

/// Who may call an operation. Whose records they reach — their own enterprise, their district,
/// all — is the handler's to apply (`Visibility`): another enterprise's project is then 404, so
/// its existence does not leak. Whether the call writes follows from its method: every method
/// but GET needs a token with the `write` scope.
enum AccessRule: Sendable, Equatable {
    /// Anyone, signed in or not; the handler never asks who (the credential is not even read).
    case anyone
    /// The sign-in: anyone, and the handler learns the client's address.
    case signIn
    /// A signed-in account in one of these roles.
    case roles(Set<Role>)

    static let everyRole = roles(Set(Role.allCases))

    /// 401 without an account, 403 for a role not listed or a read-only token that writes.
    func check(_ access: RequestAccess?, writes: Bool) throws {
        guard case .roles(let roles) = self else { return }
        guard let access else { throw Unauthorized.missing }
        guard roles.contains(access.account.role) else { throw Forbidden.role(access.account.role) }
        if writes, !access.scopes.contains(.write) { throw Forbidden.readOnlyToken }
    }
}
