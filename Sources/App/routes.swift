import API
import Foundation
import OpenAPIVapor
import Prometheus
import Registry
import Vapor

/// The routes: operations outside the API (health, metrics, the contract and its docs page),
/// then the JSON API generated from `openapi.yaml`, mounted under /api.
func routes(_ app: Application) throws {
    app.get("health") { req async throws -> HealthBody in
        let started = ContinuousClock.now
        // A database that does not answer is not healthy: this query throws, and the answer is 500.
        try await app.platformServices.projectStore(on: req.db).ping()
        let elapsed = ContinuousClock.now - started
        return HealthBody(status: "ok", plan: app.policyLibrary.plan.id, database: "ok",
                          databaseMs: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
    }
    app.get("metrics") { _ -> Response in
        var buffer: [UInt8] = []
        RenewalMetrics.registry.emit(into: &buffer)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(data: Data(buffer)))
    }
    app.get("openapi.yaml") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: APIDocument.yaml))
    }
    app.get("docs") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: APIDocsPage.html))
    }

    let services = app.platformServices
    // The generated server serves every operation but those whose bodies are the engine's own;
    // `EngineRoutes` serves those, reading and writing the engine's types directly.
    let transport = ContractTransport(base: VaporTransport(routesBuilder: app), registered: app.contractRoutes)
    try APIHandler(services: services).registerHandlers(on: transport, serverURL: URL(string: "/api")!)
    EngineRoutes(services: services).register(on: app)
    let sessions = SessionRoutes(accounts: app.accountServices)
    sessions.register(on: app)
    // The web pages; `/` is the public calculator.
    try WebRoutes.register(on: app, sessions: sessions)
}

struct HealthBody: Content {
    var status: String
    var plan: String
    var database: String
    var databaseMs: Int
}
