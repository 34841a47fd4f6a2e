import Foundation
import Vapor

/// The web session's cookie: the session's secret, HttpOnly (no script reads it), SameSite=Lax
/// (not sent on cross-site posts), `Secure` where the server is behind TLS (a setting), for the
/// whole site, as long as the session lasts.
enum SessionCookie {
    static let name = "renewal_session"

    static func value(_ secret: String, settings: AccessSettings) -> HTTPCookies.Value {
        HTTPCookies.Value(string: secret, maxAge: settings.sessionHours * 3600, path: "/",
                          isSecure: settings.secureCookie, isHTTPOnly: true, sameSite: .lax)
    }

    static func expired(settings: AccessSettings) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
                          isSecure: settings.secureCookie, isHTTPOnly: true, sameSite: .lax)
    }
}
