import Foundation
import Policy
import Vapor
import Workflow

/// What every page needs, made once at start: the catalogue, the CSRF signer, the stylesheet,
/// and the access check of the pages (`PageRules`, with the web session's account).
struct WebSite: Sendable {
    let catalogue: WebCatalogue
    let csrf: CSRFToken
    let stylesheet: String
    let authenticator: Authenticator
    let secureCookie: Bool

    /// The common part of every page's context: the language, its strings, the form token, the
    /// signed-in account, the path (for the language switch to come back to).
    struct Frame: Encodable {
        var lang: String
        var otherLang: String
        var t: [String: String]
        var csrf: String
        var path: String
        var user: String?
        var isEnterprise: Bool
        /// The account may open the officers' queue (its rule in `PageRules`).
        var isCaseReader: Bool
        /// The account may open the targets dashboard (its rule in `PageRules`).
        var isDashboardReader: Bool
        /// The account may open the ledger's page.
        var isLedgerReader: Bool
        /// The account may open the rolling lists.
        var isListReader: Bool
        /// The account may open the plan's progress.
        var isProgressReader: Bool
        var title: String
    }

    /// A page's context: the frame, and the page's own part.
    struct Page<Body: Encodable>: Encodable {
        var frame: Frame
        var t: [String: String]
        var page: Body
    }

    /// A page's request as the handler sees it: its language, its account, its CSRF nonce.
    struct PageRequest {
        let req: Request
        let lang: Language
        let access: RequestAccess?
        let nonce: String
        let nonceIsNew: Bool
    }

    /// Registers a page: its access rule from `PageRules` (fail closed), a refusal as a page in
    /// the visitor's language (a sign-in page for 401), and a checked CSRF token on every post.
    func page(_ routes: any RoutesBuilder, _ method: HTTPMethod, _ path: [PathComponent], id: String,
              maxBody: ByteCount = "8mb",
              _ handler: @escaping @Sendable (PageRequest) async throws -> Response) {
        let site = self
        routes.on(method, path, body: method == .POST ? .collect(maxSize: maxBody) : .collect) { req async throws -> Response in
            let lang = WebLanguage.of(req)
            guard let rule = PageRules.rules[id] else { return try await site.refusal(req, lang: lang, status: .forbidden) }
            var access: RequestAccess?
            if case .roles = rule {
                do { access = try await site.authenticator.authenticate(req) } catch { access = nil }
                guard let access else {
                    return req.redirect(to: "/login", redirectType: .normal)
                }
                guard (try? rule.check(access, writes: false)) != nil else {
                    return try await site.refusal(req, lang: lang, status: .forbidden)
                }
            } else {
                access = try? await site.authenticator.authenticate(req)
            }
            let (nonce, isNew) = site.csrf.nonce(of: req)
            if method == .POST {
                let sent: String? = (try? req.content.get(String.self, at: CSRFToken.field))
                guard !isNew, site.csrf.verify(req, sent: sent) else { return try await site.refusal(req, lang: lang, status: .forbidden, key: "error_csrf") }
            }
            let response = try await handler(PageRequest(req: req, lang: lang, access: access, nonce: nonce, nonceIsNew: isNew))
            if isNew { site.csrf.setCookie(nonce, on: response) }
            return response
        }
    }

    func frame(_ p: PageRequest, titleKey: String) -> Frame {
        Frame(lang: WebLanguage.tag(p.lang), otherLang: p.lang == .zh ? "en" : "zh", t: catalogue.table(p.lang),
              csrf: csrf.token(for: p.nonce), path: p.req.url.path, user: p.access?.account.username,
              isEnterprise: p.access?.account.role == .enterprise,
              isCaseReader: mayOpen("caseQueue", p), isDashboardReader: mayOpen("dashboard", p), isLedgerReader: mayOpen("ledger", p), isListReader: mayOpen("rollingLists", p),
              isProgressReader: mayOpen("planProgress", p),
              title: catalogue.text(titleKey, p.lang))
    }

    /// Whether the signed-in account may open a page (for the navigation's links).
    func mayOpen(_ id: String, _ p: PageRequest) -> Bool {
        p.access.map { access in PageRules.rules[id].map { (try? $0.check(access, writes: false)) != nil } ?? false } ?? false
    }

    /// Renders a template with the frame and the page's part.
    func render<Body: Encodable>(_ p: PageRequest, _ template: String, titleKey: String, _ body: Body,
                                 status: HTTPResponseStatus = .ok) async throws -> Response {
        let f = frame(p, titleKey: titleKey)
        let view = try await p.req.view.render(template, Page(frame: f, t: f.t, page: body))
        let response = try await view.encodeResponse(for: p.req)
        response.status = status
        return response
    }

    struct Refusal: Encodable { var message: String }

    func refusal(_ req: Request, lang: Language, status: HTTPResponseStatus, key: String? = nil) async throws -> Response {
        try await refusal(req, lang: lang, status: status, message: catalogue.text(key ?? (status == .notFound ? "error_not_found" : "error_forbidden"), lang))
    }

    func refusal(_ req: Request, lang: Language, status: HTTPResponseStatus, message: String) async throws -> Response {
        let p = PageRequest(req: req, lang: lang, access: nil, nonce: csrf.nonce(of: req).nonce, nonceIsNew: false)
        return try await render(p, "error", titleKey: "error_title", Refusal(message: message), status: status)
    }
}
