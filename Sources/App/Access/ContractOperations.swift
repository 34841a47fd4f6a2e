import API
import Vapor
import Yams

/// The contract's operations by route, read from `openapi.yaml` itself: `POST api/projects/:id/status`
/// (the method, then the path as Vapor's router spells it) → `changeProjectStatus`. Both
/// servers' routes are found here, so a request's operation — and its row in `OperationRules` —
/// never depends on which server answers it.
struct ContractOperations: Sendable {
    let byRoute: [String: String]

    static let shared = ContractOperations(yaml: APIDocument.yaml)

    init(yaml: String) {
        var routes: [String: String] = [:]
        let doc = (try? Yams.load(yaml: yaml)) as? [String: Any] ?? [:]
        let base = ((doc["servers"] as? [[String: Any]])?.first?["url"] as? String) ?? ""
        for (path, item) in doc["paths"] as? [String: Any] ?? [:] {
            for (method, operation) in item as? [String: Any] ?? [:] {
                guard let id = (operation as? [String: Any])?["operationId"] as? String else { continue }
                routes[Self.key(method: method.uppercased(), path: Self.vaporPath(base + path))] = id
            }
        }
        byRoute = routes
    }

    /// `/api/projects/{id}` → `api/projects/:id`.
    static func vaporPath(_ path: String) -> String {
        path.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }

    static func key(method: String, path: String) -> String { "\(method) \(path)" }

    /// The operation of a routed request, or nil outside the contract. Vapor answers HEAD with
    /// the GET route: the GET operation's rule applies.
    func operationId(of request: Request) -> String? {
        guard let route = request.route else { return nil }
        let method = request.method == .HEAD ? "GET" : request.method.rawValue
        return byRoute[Self.key(method: method, path: route.path.map(\.description).joined(separator: "/"))]
    }

    /// All operation ids of the contract.
    var all: Set<String> { Set(byRoute.values) }
}
