import Policy
import Testing

/// Runs every case in Cases/*.yaml through the real library and engine.
@Suite struct PolicyCaseTests {
    static let cases = PolicyCase.all()

    @Test("policy cases", arguments: PolicyCaseTests.cases)
    func run(_ c: PolicyCase) throws {
        var library = try TestLibrary.shared()
        if let overlay = c.overlay { library = try library.applying(ParameterOverlay.read(overlay)) }
        let read = ProjectFileReader.read(c.input, vocabulary: library.vocabulary)
        if let refuse = c.refuse {
            guard case .failure(let failure) = read else {
                Issue.record("\(c.name): input was accepted but must be refused")
                return
            }
            for (path, fragment) in refuse {
                let hit = failure.issues.contains { issue in
                    issue.path == path && (fragment.map { issue.message.en.contains($0) || issue.message.zh.contains($0) } ?? true)
                }
                #expect(hit, "\(c.name): expected an issue at \(path)\(fragment.map { " containing '\($0)'" } ?? ""); got \(failure.issues)")
            }
            return
        }
        let file: ProjectFile
        switch read {
        case .success(let f): file = f
        case .failure(let failure):
            Issue.record("\(c.name): input refused: \(failure)")
            return
        }
        let plan = Engine(library: library, defaultDay: Day(iso: "2025-06-30")!).plan(for: file, on: c.date)
        var checker = CaseChecker()
        guard let expect = c.expect else { Issue.record("\(c.name): no expectations"); return }
        let strict = CaseChecker.text(expect["strict"]) != "false"
        if case .object(let projects)? = expect["projects"] {
            for (id, e) in projects {
                guard let p = plan.projects.first(where: { $0.projectId == id }) else { checker.fail("no project \(id)"); continue }
                checker.check(e, p, strict: strict)
            }
        } else if let p = plan.projects.first {
            checker.check(expect, p, strict: strict)
        }
        if let total = expect["city_total"] { checker.money(total, plan.cityTotal, "plan city total") }
        let report = "\(c.file): \(c.name)\n  " + checker.problems.joined(separator: "\n  ")
        #expect(checker.problems.isEmpty, "\(report)")
        // Every recommendation must equal the sum of its lines and never exceed a cap.
        for p in plan.projects {
            #expect(p.recommendation.total == p.recommendation.lines.map(\.amount).sum())
            for line in p.recommendation.lines where line.capScope == .project && !line.capAdvisory {
                if let cap = line.cap { #expect(line.amount <= cap, "\(line.id) exceeds its cap") }
            }
        }
    }

    @Test func thereAreEnoughCases() {
        let cases = Self.cases
        #expect(cases.count >= 40, "only \(cases.count) cases")
        let readings = Set(cases.flatMap(\.readings))
        #expect(readings.isSuperset(of: Set(1...12)), "readings without a case: \(Set(1...12).subtracting(readings).sorted())")
        #expect(!cases.contains { $0.name == "file does not parse as a YAML list" })
    }
}

enum TestLibrary {
    /// Loaded once for the whole run; a library that fails to load fails every test with its errors.
    static func shared() throws -> PolicyLibrary { try loaded.get() }
    static let loaded: Result<PolicyLibrary, Error> = Result { try PolicyLibraryLoader.loadDefault() }
}
