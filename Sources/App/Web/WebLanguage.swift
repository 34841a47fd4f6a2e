import Policy
import Vapor

/// The pages' language: Chinese unless the visitor switched to English, which a cookie keeps
/// (a year, for the whole site; not a secret, so readable, but SameSite=Lax like the session's).
enum WebLanguage {
    static let cookie = "renewal_lang"

    static func of(_ req: Request) -> Language {
        req.cookies[cookie]?.string == "en" ? .en : .zh
    }

    /// The `lang` attribute of the page.
    static func tag(_ lang: Language) -> String { lang == .zh ? "zh-CN" : "en" }

    /// `GET /lang/en?back=/policy`: sets the cookie and goes back to the page, only ever to a
    /// path of this site (an address elsewhere is no place to send anyone).
    static func switchRoute(_ req: Request, secure: Bool) throws -> Response {
        let lang = Language(rawValue: req.parameters.get("lang") ?? "") ?? .zh
        let back = (try? req.query.get(String.self, at: "back")) ?? "/"
        let local = back.hasPrefix("/") && !back.hasPrefix("//") && !back.contains("\\") && back.count <= 512 ? back : "/"
        let response = req.redirect(to: local, redirectType: .normal)
        response.cookies[cookie] = HTTPCookies.Value(string: lang.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                                     isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
