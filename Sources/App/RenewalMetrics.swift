import Metrics
import Prometheus

/// The process's metrics: swift-metrics, backed by swift-prometheus's registry, which /metrics
/// serves. `MetricsSystem.bootstrap` may run once per process (a second call traps), so it runs
/// behind a `static let`: `renewal serve` calls `bootstrap()`, and so may every test that
/// configures an application, as often as it likes.
public enum RenewalMetrics {
    static let registry = PrometheusCollectorRegistry()

    /// Request durations, in seconds: from a cached page to a large import.
    static let durationBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10),
    ]

    private static let once: Void = {
        var factory = PrometheusMetricsFactory(registry: RenewalMetrics.registry)
        factory.defaultDurationHistogramBuckets = RenewalMetrics.durationBuckets
        MetricsSystem.bootstrap(factory)
    }()

    public static func bootstrap() { _ = once }
}
