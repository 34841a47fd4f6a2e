import Foundation
import Metrics
import Prometheus
import Vapor

/// Prometheus metrics: requests by method, route and status, and their durations. The registry
/// is process-wide (swift-metrics is bootstrapped once), exposed at /metrics.
enum RenewalMetrics {
    static let registry = PrometheusCollectorRegistry()
}

struct MetricsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        var status: UInt = 500
        defer {
            let elapsed = ContinuousClock.now - start
            let labels = [("method", request.method.rawValue), ("route", route), ("status", String(status))]
            RenewalMetrics.registry.makeCounter(name: "renewal_http_requests_total", labels: labels).increment()
            RenewalMetrics.registry.makeDurationHistogram(
                name: "renewal_http_request_duration_seconds", labels: [("method", request.method.rawValue), ("route", route)],
                buckets: [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                          .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10)]
            ).recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
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
