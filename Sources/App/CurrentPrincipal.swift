import Policy
import Vapor
import Workflow

/// The signed-in account of the request now being handled — the one place the API's handlers
/// learn who is asking.
///
/// STUB until accounts and sessions are merged: it reads a `Principal` that an authenticator
/// logged in on the request (`request.auth.login(AuthenticatedPrincipal(...))`), and throws 401
/// when there is none. No authenticator exists on this branch yet, so through HTTP it is
/// always 401 (tests log a principal in with a middleware of their own). Connect the real
/// authentication here: either have its middleware log in an `AuthenticatedPrincipal`, or
/// replace this body with its own lookup.
func currentPrincipal(_ request: Request? = RequestContext.request) throws -> Principal {
    guard let principal = request?.auth.get(AuthenticatedPrincipal.self)?.principal else { throw Unauthenticated() }
    return principal
}

/// A principal as Vapor's authentication stores it on a request.
struct AuthenticatedPrincipal: Authenticatable {
    let principal: Principal
}

/// No signed-in account: 401 with the contract's `Error` body (`unauthorized`).
struct Unauthenticated: Error {
    let message = LocalizedText(zh: "未登录或登录已失效，请先登录", en: "not signed in, or the sign-in has expired")
}
