import Foundation
import Vapor

/// A form posted to a page that is larger than its route takes (`RequestLimits`) is answered
/// with a page in the visitor's language, not the API's JSON: the browser shows it where the
/// form was. The limit is the one `RequestSizeMiddleware` refused at; the API's routes keep
/// their JSON answer.
enum PageTooLarge {
    struct SiteKey: StorageKey { typealias Value = WebSite }

    /// A browser's form to a page: not under `/api`, sent as a form or a multipart upload.
    static func isPage(_ req: Request) -> Bool {
        guard !req.url.path.hasPrefix("/api") else { return false }
        guard let type = req.headers.contentType else { return false }
        return (type.type == "application" && type.subType == "x-www-form-urlencoded") || (type.type == "multipart" && type.subType == "form-data")
    }

    /// The page, when the request is a page's form and the site is served; nil otherwise.
    static func answer(_ req: Request, _ tooLarge: RequestTooLarge) -> EventLoopFuture<Response>? {
        guard tooLarge.part == .body, isPage(req), let site = req.application.storage[SiteKey.self] else { return nil }
        return req.eventLoop.makeFutureWithTask {
            let lang = WebLanguage.of(req)
            let message = "\(site.catalogue.text("error_too_large", lang)) \(RequestLimits.megabytes(tooLarge.limit))"
            return try await site.refusal(req, lang: lang, status: .payloadTooLarge, message: message)
        }
    }
}
