import Foundation
import Leaf
import LeafKit
import Vapor

/// The web pages, mounted beside the API: Leaf for the templates in `Resources/Views`, the
/// catalogue and the stylesheet read at start, every page under `PageSecurityHeaders`.
enum WebRoutes {
    static func register(on app: Application, sessions: SessionRoutes) throws {
        guard let dir = WebResources.directory() else {
            throw Abort(.internalServerError, reason: "web resources (Resources/catalogue.yaml) not found; run from the repository or set RENEWAL_WEB_DIR")
        }
        app.views.use(.leaf)
        app.leaf.configuration = LeafConfiguration(rootDirectory: dir.appendingPathComponent("Views").path + "/")
        app.leaf.cache.isEnabled = app.environment != .development
        let settings = sessions.accounts.settings
        let env = ProcessInfo.processInfo.environment
        let site = WebSite(catalogue: try WebCatalogue.load(directory: dir),
                           csrf: CSRFToken(secret: env["RENEWAL_CSRF_KEY"], secure: settings.secureCookie),
                           stylesheet: try String(contentsOf: dir.appendingPathComponent("Public/renewal.css"), encoding: .utf8),
                           authenticator: Authenticator(database: { $0.db }), secureCookie: settings.secureCookie)
        // For a form too large for its page: answered as a page (`PageTooLarge`).
        app.storage[PageTooLarge.SiteKey.self] = site
        let pages = app.grouped(PageSecurityHeaders())
        CalculatorPage(site: site).register(pages)
        PolicyLibraryPage(site: site).register(pages)
        ParameterEditPage(site: site).register(pages)
        SignInPage(site: site, sessions: sessions).register(pages)
        EnterprisePage(site: site).register(pages)
        EnterpriseRecordPage(site: site).register(pages)
        EnterpriseProjectPage(site: site).register(pages)
        EnterpriseApplicationsPage(site: site).register(pages)
        CasesPage(site: site).register(pages)
        DashboardPage(site: site).register(pages)
        LedgerPage(site: site).register(pages)
        RollingListsPage(site: site).register(pages)
        CataloguePage(site: site).register(pages)
        ListLibraryPage(site: site).register(pages)
        ResourcesPage(site: site).register(pages)
        ScenarioTasksPage(site: site).register(pages)
        PlanProgressPage(site: site).register(pages)
        OpenDataPage(site: site).register(pages)
        // Through `site.page` like every page, so that their rows in `PageRules` hold too.
        site.page(pages, .GET, ["lang", ":lang"], id: "language") { p in try WebLanguage.switchRoute(p.req, secure: settings.secureCookie) }
        let css = site.stylesheet
        site.page(pages, .GET, ["static", "renewal.css"], id: "stylesheet") { _ in
            Self.file(css, type: HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]))
        }
        // The site's icon, so that no browser asks for a favicon in vain.
        let icon = try String(contentsOf: dir.appendingPathComponent("Public/icon.svg"), encoding: .utf8)
        for path: [PathComponent] in [["static", "icon.svg"], ["favicon.ico"]] {
            site.page(pages, .GET, path, id: "icon") { _ in Self.file(icon, type: HTTPMediaType(type: "image", subType: "svg+xml")) }
        }
    }

    static func file(_ text: String, type: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
