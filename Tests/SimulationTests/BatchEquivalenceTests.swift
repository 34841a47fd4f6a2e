import Dispatch
import Foundation
import Policy
import Simulation
import Testing

/// The batch engine must give, project by project, what `renewal match` gives: every
/// instrument's status and amount, priority, provisional flag, and the recommended combination
/// (grant, contract assignment, amounts, total). Checked on 100,000 generated projects.
@Suite struct BatchEquivalenceTests {
    static let library = Result { try PolicyLibraryLoader.loadDefault() }

    @Test func batchEqualsMatchOnOneHundredThousandProjects() throws {
        let library = try Self.library.get()
        var generator = SyntheticProjects(seed: 20241123, vocabulary: library.vocabulary)
        var files: [ProjectFile] = []
        while generator.made < 100_000 { files.append(generator.nextFile()) }
        let projects = files.flatMap(\.projects)
        let population = try PopulationBuilder.build(files, vocabulary: library.vocabulary)
        let defaultDay = Day(iso: "2025-06-30")!
        let engine = Engine(library: library, defaultDay: defaultDay)
        let batch = BatchEvaluator(library: library, categoryIds: population.categoryIds, defaultDay: defaultDay)
        let mismatches = MismatchLog()
        let coverage = MismatchLog()
        let workers = ProcessInfo.processInfo.activeProcessorCount
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for i in stride(from: w, to: projects.count, by: workers) {
                let rich = engine.evaluate(projects[i])
                let flat = batch.evaluate(population, project: i)
                if let problem = Self.compare(rich, flat, projects[i]) { mismatches.add("\(projects[i].id): \(problem)") }
                // What the population exercised, so that the comparison cannot pass on empty ground.
                for line in rich.recommendation.lines { coverage.add("line \(line.id)") }
                for r in rich.instruments + rich.national where r.isEligible { coverage.add("eligible \(r.id)") }
                if rich.recommendation.lines.contains(where: \.capBinding) { coverage.add("cap binding") }
                if rich.recommendation.excluded.contains(where: { $0.instrument == "7a" || $0.instrument == "17a" }) { coverage.add("loan choice") }
                if rich.recommendation.grant == "7c" { coverage.add("7c replaces") }
            }
        }
        let found = mismatches.all()
        let seen = Dictionary(coverage.all().map { ($0, 1) }, uniquingKeysWith: +)
        for id in ["5", "7a", "7b", "7c", "10a", "10b", "12", "13", "16", "17a", "17b", "17c", "18", "N1", "N2", "N3", "N4"] {
            #expect((seen["eligible \(id)"] ?? 0) >= 20, "only \(seen["eligible \(id)"] ?? 0) projects eligible for \(id)")
        }
        for key in ["cap binding", "loan choice", "7c replaces", "line 17a", "line 7a", "line 17b"] {
            #expect((seen[key] ?? 0) >= 20, "only \(seen[key] ?? 0) projects with \(key)")
        }
        #expect(found.isEmpty, "\(found.count) projects differ; first: \(found.prefix(5).joined(separator: "\n"))")
        #expect(projects.count >= 100_000)
    }

    static func compare(_ rich: ProjectEvaluation, _ flat: ProjectOutcome, _ project: Project) -> String? {
        let all = rich.instruments + rich.national
        for (f, r) in all.enumerated() {
            guard flat.instrumentIds[f] == r.id else { return "instrument order \(flat.instrumentIds[f]) vs \(r.id)" }
            let status: ProjectOutcome.Status
            switch r.status {
            case .matched: status = .matched
            case .amountUnstated: status = .amountUnstated
            case .notMatched: status = .notMatched
            case .notInForce: status = .notInForce
            }
            if flat.status[f] != status { return "\(r.id) status \(r.status) vs \(flat.status[f])" }
            if flat.amount[f] != r.amount.fen { return "\(r.id) amount \(r.amount) vs \(Money(fen: flat.amount[f]))" }
            if r.isEligible {
                let priority: Int8 = r.priority.map { $0 ? 1 : 0 } ?? -1
                if flat.priority[f] != priority { return "\(r.id) priority \(String(describing: r.priority)) vs \(flat.priority[f])" }
                if flat.provisional[f] != r.provisional { return "\(r.id) provisional" }
            }
        }
        let c = rich.recommendation
        if flat.total != c.total.fen { return "total \(c.total) vs \(Money(fen: flat.total))" }
        if flat.exhaustive != c.exhaustive { return "exhaustive" }
        let grant = flat.grant < 0 ? nil : flat.instrumentIds[flat.grant]
        if grant != c.grant { return "grant \(c.grant ?? "none") vs \(grant ?? "none")" }
        for f in 0..<flat.cityCount {
            let line = c.lines.first { $0.id == flat.instrumentIds[f] }
            if flat.inCombination[f] != (line != nil) { return "\(flat.instrumentIds[f]) in combination" }
            if let line, line.amount.fen != flat.recommended[f] { return "\(line.id) line \(line.amount) vs \(Money(fen: flat.recommended[f]))" }
        }
        for (k, loan) in project.loans.enumerated() {
            let want = c.assignments.first { $0.unit == .loan && $0.unitId == loan.id }?.instrument
            let got = flat.loanChoice[k] < 0 ? nil : flat.instrumentIds[flat.loanChoice[k]]
            if want != got { return "loan \(loan.id) \(want ?? "none") vs \(got ?? "none")" }
        }
        for (k, lease) in project.leases.enumerated() {
            let want = c.assignments.first { $0.unit == .lease && $0.unitId == lease.id }?.instrument
            let got = flat.leaseChoice[k] < 0 ? nil : flat.instrumentIds[flat.leaseChoice[k]]
            if want != got { return "lease \(lease.id) \(want ?? "none") vs \(got ?? "none")" }
        }
        // Payments by year add up to the recommended total, and yearly lines match the match's years.
        if flat.paymentAmount.reduce(0, +) != flat.total { return "payments \(flat.paymentAmount.reduce(0, +)) vs total \(flat.total)" }
        for line in c.lines where !line.years.isEmpty {
            guard let f = flat.instrumentIds.firstIndex(of: line.id) else { continue }
            for y in line.years {
                let paid = zip(flat.paymentInstrument, zip(flat.paymentYear, flat.paymentAmount))
                    .filter { $0.0 == f && $0.1.0 == y.year }.map(\.1.1).reduce(0, +)
                if paid != y.amount.fen { return "\(line.id) \(y.year) paid \(y.amount) vs \(Money(fen: paid))" }
            }
        }
        return nil
    }

    @Test func generatedProjectsPassValidation() throws {
        let library = try Self.library.get()
        var generator = SyntheticProjects(seed: 7, vocabulary: library.vocabulary)
        for _ in 0..<2_000 {
            let file = generator.nextFile()
            let text = ProjectFileWriter.text(file)
            switch ProjectFileReader.read(text: text, vocabulary: library.vocabulary) {
            case .success(let read): #expect(read == file)
            case .failure(let failure): Issue.record("generated file refused: \(failure)")
            }
        }
    }
}

final class MismatchLog: @unchecked Sendable {
    private var items: [String] = []
    private let lock = NSLock()
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    func all() -> [String] { lock.lock(); defer { lock.unlock() }; return items }
}
