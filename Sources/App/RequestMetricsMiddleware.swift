import Vapor

/// Counts requests by method, route and status, and times them by method and route, through
/// swift-metrics (`RenewalMetrics` bootstraps it onto Prometheus). The route is the registered
/// pattern (`api/projects/:id`), never the concrete path, so the number of series stays bounded.
struct RequestMetricsMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let start = ContinuousClock.now
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        func record(_ status: UInt) {
            let method = request.method.rawValue
            MetricsCounter(label: "renewal_http_requests_total", dimensions: [("method", method), ("route", route), ("status", String(status))]).increment()
            MetricsTimer(label: "renewal_http_request_duration_seconds", dimensions: [("method", method), ("route", route)])
                .record(duration: ContinuousClock.now - start)
        }
        return next.respond(to: request).always { result in
            switch result {
            case .success(let response): record(response.status.code)
            case .failure(let error): record(JSONErrorMiddleware.describe(error).0.code)
            }
        }
    }
}
