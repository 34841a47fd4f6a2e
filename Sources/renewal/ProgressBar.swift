import Foundation
import Policy

/// A progress bar on standard error for long runs, redrawn at most ten times a second; silent
/// when standard error is not a terminal or when asked to be quiet.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var total = 1
    private var label = ""
    private var lastDraw = ContinuousClock.now
    private var started = ContinuousClock.now

    init(enabled: Bool) {
        self.enabled = enabled && isatty(2) != 0
    }

    func start(language: Language, label: String, total: Int) {
        lock.lock(); defer { lock.unlock() }
        self.label = label
        self.total = max(total, 1)
        started = .now
        lastDraw = .now - .seconds(1)
    }

    /// A long job of unknown size: show the phase and the count.
    func relabel(_ label: String, done: Int) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        self.label = label
        let now = ContinuousClock.now
        guard now - lastDraw >= .milliseconds(100) else { return }
        lastDraw = now
        FileHandle.standardError.write(Data("\r\(label) \(done)\u{1B}[K".utf8))
    }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = ContinuousClock.now
        guard now - lastDraw >= .milliseconds(100) else { return }
        lastDraw = now
        let width = 30
        let filled = min(width, done * width / total)
        let percent = min(100, done * 100 / total)
        let line = "\r\(label) [\(String(repeating: "█", count: filled))\(String(repeating: "·", count: width - filled))] \(percent)% \(done)/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let elapsed = ContinuousClock.now - started
        FileHandle.standardError.write(Data("\r\(label) \(total)/\(total) (\(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1)))))\u{1B}[K\n".utf8))
    }
}
