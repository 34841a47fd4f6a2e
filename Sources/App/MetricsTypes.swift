import Metrics

/// swift-metrics' Counter and Timer under names nothing else shadows: Foundation has a `Timer`
/// and swift-prometheus a `Counter`, and this file imports neither.
typealias MetricsCounter = Counter
typealias MetricsTimer = Timer
