import Vapor

/// Counts requests by method, route and status, and times them by method and route, through
/// swift-metrics (`RenewalMetrics` bootstraps it onto Prometheus). The route is the registered
/// pattern (`api/projects/:id`), never the concrete path, so the number of series stays bounded.
struct RequestMetricsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        var status: UInt = 500
        defer {
            let method = request.method.rawValue
            MetricsCounter(label: "renewal_http_requests_total", dimensions: [("method", method), ("route", route), ("status", String(status))]).increment()
            MetricsTimer(label: "renewal_http_request_duration_seconds", dimensions: [("method", method), ("route", route)])
                .record(duration: ContinuousClock.now - start)
        }
        do {
            let response = try await next.respond(to: request)
            status = response.status.code
            return response
        } catch {
            status = JSONErrorMiddleware.describe(error).0.code
            throw error
        }
    }
}
