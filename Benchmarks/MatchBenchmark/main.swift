import Foundation
import Policy

// Times one in-process `match`: reading a typical project file (JSON) and evaluating it —
// every city and national instrument and the recommended combination. Run in release:
//
//     swift run -c release MatchBenchmark [FILE] [--iterations N]
//
// Prints the median, 95th percentile and mean of N runs after a warm-up, with the machine.

var arguments = Array(CommandLine.arguments.dropFirst())
var iterations = 2000
if let i = arguments.firstIndex(of: "--iterations"), i + 1 < arguments.count, let n = Int(arguments[i + 1]) {
    iterations = n
    arguments.removeSubrange(i...(i + 1))
}
@MainActor func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
if let path = option("--write-population") {
    try PopulationFile.write(to: path, count: Int(option("--count") ?? "") ?? 100_000, seed: UInt64(option("--seed") ?? "") ?? 20240531)
    exit(0)
}
if let path = option("--simulate-file") {
    try SimulateFile.run(path: path)
    exit(0)
}
if let path = option("--read-file") {
    try ReaderSpeed.run(path: path, fastPathOnly: arguments.contains("--fast-path-only"))
    exit(0)
}
if let path = option("--population-file") {
    try PopulationFile.evaluate(path: path, totalsPath: option("--totals-json"))
    exit(0)
}
if let i = arguments.firstIndex(of: "--population"), i + 1 < arguments.count, let n = Int(arguments[i + 1]) {
    try PopulationRun.run(count: n, seed: 20240531)
    exit(0)
}
if let i = arguments.firstIndex(of: "--search-scaling") {
    arguments.remove(at: i)
    SearchScaling.run(engine: Engine(library: try PolicyLibraryLoader.loadDefault()))
    exit(0)
}
let path = arguments.first ?? "Examples/enterprise-plan.json"
guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
    exit(1)
}
let library = try PolicyLibraryLoader.loadDefault()
let engine = Engine(library: library)

func matchOnce() -> EnterprisePlan {
    guard case .success(let file) = ProjectFileReader.read(text: text, vocabulary: library.vocabulary) else {
        fatalError("\(path) does not validate")
    }
    return engine.plan(for: file)
}

let projects = matchOnce().projects.count
for _ in 0..<max(iterations / 10, 10) { _ = matchOnce() }

let clock = ContinuousClock()
var samples: [Duration] = []
samples.reserveCapacity(iterations)
var sink = Money.zero
for _ in 0..<iterations {
    let start = clock.now
    let plan = matchOnce()
    samples.append(clock.now - start)
    sink += plan.cityTotal
}
samples.sort()
func micros(_ d: Duration) -> String {
    let us = Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12
    return String(format: "%.1f µs", us)
}
let total = samples.reduce(Duration.zero, +)
let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
    .split(separator: "\n").first { $0.hasPrefix("model name") }?
    .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
print("match benchmark: \(path) (\(projects) project\(projects == 1 ? "" : "s")), \(iterations) runs")
print("  machine: \(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("  median \(micros(samples[samples.count / 2]))  p95 \(micros(samples[samples.count * 95 / 100]))  mean \(micros(total / iterations))")
print("  per project (median): \(micros(samples[samples.count / 2] / projects))")

// The two halves of a match: reading and validating the file, and evaluating it.
guard case .success(let parsed) = ProjectFileReader.read(text: text, vocabulary: library.vocabulary) else { exit(1) }
@MainActor func median(_ body: () -> Void) -> Duration {
    var s: [Duration] = []
    for _ in 0..<iterations {
        let start = clock.now
        body()
        s.append(clock.now - start)
    }
    return s.sorted()[s.count / 2]
}
let readTime = median { _ = ProjectFileReader.read(text: text, vocabulary: library.vocabulary) }
let evaluateTime = median { sink += engine.plan(for: parsed).cityTotal }
print("  of which reading and validating: \(micros(readTime)), evaluating: \(micros(evaluateTime))")
if sink == Money(fen: -1) { print(sink) }
