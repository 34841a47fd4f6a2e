import Crypto
import Foundation
import Vapor

/// Every form's CSRF token, tied to a signed cookie: the browser holds a random nonce in an
/// HttpOnly, SameSite=Strict cookie; the form carries HMAC-SHA256(key, nonce). Another site can
/// make the browser send the cookie on a top-level post at most, never read it nor compute the
/// token. The key is `RENEWAL_CSRF_KEY` (the same on every server behind one address) or
/// random at start.
struct CSRFToken: Sendable {
    static let cookie = "renewal_csrf"
    static let field = "csrf"
    let key: SymmetricKey
    let secure: Bool

    init(secret: String?, secure: Bool) {
        if let secret, !secret.isEmpty {
            key = SymmetricKey(data: SHA256.hash(data: Data(secret.utf8)))
        } else {
            key = SymmetricKey(size: .bits256)
        }
        self.secure = secure
    }

    func token(for nonce: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(nonce.utf8), using: key)
        return Data(mac).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The request's nonce, or a new one; `isNew` says the response must set the cookie.
    func nonce(of req: Request) -> (nonce: String, isNew: Bool) {
        if let n = req.cookies[Self.cookie]?.string, n.count >= 32, n.count <= 64 { return (n, false) }
        return (Secrets.random(), true)
    }

    func setCookie(_ nonce: String, on response: Response) {
        response.cookies[Self.cookie] = HTTPCookies.Value(string: nonce, maxAge: nil, path: "/", isSecure: secure,
                                                          isHTTPOnly: true, sameSite: .strict)
    }

    /// The form's token matches the cookie's nonce (compared in constant time).
    func verify(_ req: Request, sent: String?) -> Bool {
        guard let nonce = req.cookies[Self.cookie]?.string, nonce.count >= 32, let sent else { return false }
        let expected = Array(token(for: nonce).utf8), given = Array(sent.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
