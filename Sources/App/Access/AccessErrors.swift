import Policy
import Workflow
import Vapor

/// No credential, or one that is not (or no longer) good: 401 with `WWW-Authenticate: Bearer`.
struct Unauthorized: Error {
    var message: LocalizedText
    /// RFC 6750's `error="invalid_token"` when a token or session was presented and refused.
    var invalidToken = false

    static let missing = Unauthorized(message: LocalizedText(
        zh: "请先登录：使用 Authorization: Bearer 令牌或网页会话", en: "sign in first: send Authorization: Bearer <token> or use the web session"))
    static let invalid = Unauthorized(message: LocalizedText(
        zh: "令牌或会话无效、已过期或已吊销", en: "the token or session is not valid, has expired or was revoked"), invalidToken: true)
    /// The one answer to every refused sign-in, so that it never says which accounts exist.
    static let loginFailed = Unauthorized(message: LocalizedText(
        zh: "登录失败：用户名或密码不正确，或账户暂不可用", en: "sign-in failed: wrong username or password, or the account is not available now"))

    var challenge: String { invalidToken ? #"Bearer realm="renewal", error="invalid_token""# : #"Bearer realm="renewal""# }
}

/// Signed in, but not allowed: 403.
struct Forbidden: Error {
    var message: LocalizedText

    static func role(_ role: Role) -> Forbidden {
        Forbidden(message: LocalizedText(zh: "“\(role.label.zh)”角色无权执行此操作", en: "the role \(role.label.en) may not do this"))
    }
    static let readOnlyToken = Forbidden(message: LocalizedText(zh: "此令牌只读，不能修改数据", en: "this token is read-only and cannot change anything"))
    static let noRule = Forbidden(message: LocalizedText(zh: "此接口未定义访问规则", en: "this operation has no access rule"))
    static let crossSite = Forbidden(message: LocalizedText(zh: "不接受来自其他站点的会话请求", en: "a session request from another site is refused"))
}

/// Too many sign-in attempts: 429 with `Retry-After`.
struct TooManyAttempts: Error {
    let retryAfter: Int
    var message: LocalizedText {
        LocalizedText(zh: "登录尝试过于频繁，请 \(retryAfter) 秒后再试", en: "too many sign-in attempts; try again in \(retryAfter) seconds")
    }
}
