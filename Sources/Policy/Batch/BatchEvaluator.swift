import Dispatch
import Foundation

/// Evaluates the policy over a population, on all cores: every instrument and the recommended
/// combination for every project, with the same results as `Engine.evaluate` (a test compares
/// them on 100,000 random projects). The work is split into contiguous ranges of projects, one
/// worker each, each with its own buffers and sink, so the hot loop allocates nothing.
public struct BatchEvaluator: Sendable {
    let timeline: PolicyTimeline
    let defaultDay: Day
    let overrideDay: Day?

    /// - Parameters:
    ///   - day: evaluate every project under the policy of this day, instead of its application date.
    ///   - defaultDay: the day for projects without an application date.
    public init(library: PolicyLibrary, categoryIds: [String], day: Day? = nil, defaultDay: Day = .today()) {
        timeline = PolicyTimeline(library: library, categoryIds: categoryIds)
        self.defaultDay = defaultDay
        self.overrideDay = day
    }

    /// Runs `workers` sinks over the population and returns them in range order.
    public func run<Sink: BatchSink>(_ population: Population, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                                     progress: (@Sendable (Int) -> Void)? = nil,
                                     makeSink: @Sendable (Int) -> Sink) -> [Sink] {
        let n = max(1, min(workers, population.count))
        let results = SinkCollector<Sink>(count: n)
        let done = ProgressCounter()
        DispatchQueue.concurrentPerform(iterations: n) { w in
            let lo = population.count * w / n, hi = population.count * (w + 1) / n
            var sink = makeSink(w)
            var workspace = BatchWorkspace(timeline: timeline)
            var i = lo
            while i < hi {
                let end = min(hi, i + 4096)
                let start = i
                while i < end {
                    workspace.evaluate(population, i, day: day(population, i))
                    sink.record(workspace.outcome)
                    i += 1
                }
                if let progress { progress(done.add(i - start)) }
            }
            results.set(w, sink)
        }
        return results.all()
    }

    @inline(__always) func day(_ p: Population, _ i: Int) -> Int32 {
        if let overrideDay { return overrideDay.packed }
        return p.applicationDate[i] != 0 ? p.applicationDate[i] : defaultDay.packed
    }

    /// Evaluates one project (for tests and tools that want a single outcome).
    public func evaluate(_ population: Population, project i: Int) -> ProjectOutcome {
        var workspace = BatchWorkspace(timeline: timeline)
        workspace.evaluate(population, i, day: day(population, i))
        return workspace.outcome
    }
}

/// Sinks written by the workers, read once they are all done.
final class SinkCollector<Sink>: @unchecked Sendable {
    private var sinks: [Sink?]
    private let lock = NSLock()
    init(count: Int) { sinks = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ s: Sink) { lock.lock(); sinks[i] = s; lock.unlock() }
    func all() -> [Sink] { sinks.map { $0! } }
}

final class ProgressCounter: @unchecked Sendable {
    private var done = 0
    private let lock = NSLock()
    func add(_ k: Int) -> Int { lock.lock(); done += k; let d = done; lock.unlock(); return d }
}
