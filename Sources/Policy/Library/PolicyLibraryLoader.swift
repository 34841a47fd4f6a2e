import Foundation

/// Loads a policy library from a folder of YAML files:
///
///     library.yaml        plan, city division code, the instruments in order
///     parameters.yaml     shared and reading parameters with dated values
///     categories.yaml     categories and designations a project may carry
///     districts.yaml      Shanghai's districts
///     clauses.yaml        clause texts in Chinese and English
///     targets.yaml        the 2027 targets, with their baselines and milestones
///     dashboard.yaml      how the dashboard judges progress; who leads the preamble's targets
///     instruments/ID.yaml one file per instrument
///     checks/             the smart-factory questionnaire (十二), the second-hand grading (十五)
///
/// Every reference (parameter, category, quantity) is checked at load time, so a library that
/// loads is one the engine can evaluate.
public enum PolicyLibraryLoader {
    public static func load(directory: URL) throws -> PolicyLibrary {
        let log = LibraryNode.ErrorLog()
        func node(_ name: String) -> LibraryNode? {
            let url = directory.appendingPathComponent(name)
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                return LibraryNode(value: try JSONValue.parseYAML(text), file: name, path: "$", log: log)
            } catch {
                log.errors.append(PolicyLibraryError(file: name, path: "$", message: "cannot read: \(error)"))
                return nil
            }
        }
        guard let libraryFile = node("library.yaml") else { throw PolicyLibraryErrors(errors: log.errors) }
        let plan = readPlan(libraryFile)
        let cityCode = libraryFile.string("city_division_code") ?? "310000"
        var parameters: [String: Parameter] = [:]
        if let p = node("parameters.yaml") {
            for (key, entry) in p.members {
                if let parameter = ParameterReader.parameter(key: key, entry, defaultFrom: plan?.issued) {
                    parameters[key] = parameter
                }
            }
        }
        let districts = node("districts.yaml").map { $0.elements.compactMap(readDistrict) } ?? []
        let categories = node("categories.yaml").map { $0.elements.compactMap(readCategory) } ?? []
        let clausesFile = node("clauses.yaml")
        let clauses = clausesFile.map(readClauses) ?? [:]
        let actions = clausesFile.map { readActions($0, clauses: clauses) } ?? []
        var targets = node("targets.yaml").map { $0.elements.compactMap(readTarget) } ?? []
        let dashboard = node("dashboard.yaml").flatMap(readDashboard)
        let smartFactory = node("checks/smart-factory-assessment.yaml").flatMap(ChecksReader.questionnaire)
        let secondHand = node("checks/second-hand-grading.yaml").flatMap(ChecksReader.scale)

        var instruments: [InstrumentDefinition] = []
        for (order, idNode) in (libraryFile.required("instruments")?.elements ?? []).enumerated() {
            guard let id = idNode.scalar, let file = node("instruments/\(id).yaml") else { continue }
            var reader = InstrumentReader(node: file, order: order, clauses: clauses, defaultFrom: plan?.issued)
            if let instrument = reader.read() {
                if instrument.id != id { file.error("id '\(instrument.id)' does not match its file name '\(id)'") }
                for p in reader.parameters { parameters[p.key] = p }
                instruments.append(instrument)
            }
        }
        var vocabulary = Vocabulary(districts: districts, categories: categories, cityDivisionCode: cityCode)
        for q in smartFactory?.questions ?? [] { vocabulary.smartFactoryOptions[q.id] = Set(q.options.map(\.id)) }
        vocabulary.secondHandGrades = Set(secondHand?.grades.map(\.id) ?? [])
        LibraryChecks.check(instruments: instruments, parameters: parameters, vocabulary: vocabulary, log: log)
        LibraryChecks.check(targets: targets, instruments: instruments, vocabulary: vocabulary, log: log)
        if let dashboard {
            LibraryChecks.resolveResponsibleUnits(&targets, clauses: clauses, dashboard: dashboard, log: log)
        }
        guard log.errors.isEmpty, let plan, let dashboard else { throw PolicyLibraryErrors(errors: log.errors) }
        var library = PolicyLibrary(plan: plan, instruments: instruments, parameters: parameters,
                                    vocabulary: vocabulary, clauses: clauses, targets: targets, dashboard: dashboard)
        library.actions = actions
        library.smartFactory = smartFactory
        library.secondHandScale = secondHand
        return library
    }

    /// The plan's six actions (专项行动), each grouping its numbered measures.
    static func readActions(_ n: LibraryNode, clauses: [String: Clause]) -> [PlanAction] {
        var out: [PlanAction] = []
        for a in n.required("actions")?.elements ?? [] {
            guard let number = a.string("number").flatMap(Int.init), let title = a.text("title") else { continue }
            let measures = a.required("clauses")?.elements.compactMap(\.scalar) ?? []
            for m in measures where clauses[m] == nil { a.error("action \(number) names no clause '\(m)'") }
            out.append(PlanAction(number: number, title: title, clauses: measures))
        }
        return out
    }

    /// The library shipped with the platform: `Policies/shanghai-2024-355` found from the
    /// working folder, the `RENEWAL_POLICY_DIR` variable, or beside the executable.
    public static func defaultDirectory() -> URL? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["RENEWAL_POLICY_DIR"] {
            return URL(fileURLWithPath: env)
        }
        var candidates = [URL(fileURLWithPath: fm.currentDirectoryPath)]
        var executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(executable)
            executable = executable.deletingLastPathComponent()
        }
        // Also search upwards from this source file, for tests run from anywhere.
        var source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<5 {
            source = source.deletingLastPathComponent()
            candidates.append(source)
        }
        for base in candidates {
            let dir = base.appendingPathComponent("Policies/shanghai-2024-355")
            if fm.fileExists(atPath: dir.appendingPathComponent("library.yaml").path) { return dir }
        }
        return nil
    }

    public static func loadDefault() throws -> PolicyLibrary {
        guard let dir = defaultDirectory() else {
            throw PolicyLibraryErrors(errors: [PolicyLibraryError(file: "Policies/shanghai-2024-355", path: "",
                message: "policy library not found; run from the repository or set RENEWAL_POLICY_DIR")])
        }
        return try load(directory: dir)
    }

    static func readPlan(_ n: LibraryNode) -> PlanInfo? {
        guard let p = n.required("plan"), let id = p.string("id"), let notice = p.text("notice"),
              let title = p.text("title"), let issued = p.required("issued")?.day else { return nil }
        return PlanInfo(id: id, notice: notice, title: title, issued: issued)
    }

    static func readDistrict(_ n: LibraryNode) -> District? {
        guard let id = n.string("id"), let code = n.string("code"), let name = n.text("name") else { return nil }
        return District(id: id, code: code, name: name)
    }

    static func readCategory(_ n: LibraryNode) -> Category? {
        guard let id = n.string("id"), let name = n.text("name") else { return nil }
        return Category(id: id, name: name, clause: n.optionalString("clause"))
    }

    static func readClauses(_ n: LibraryNode) -> [String: Clause] {
        var out: [String: Clause] = [:]
        for (numeral, c) in n.required("clauses")?.members ?? [] {
            guard let number = c.string("number").flatMap(Int.init), let title = c.text("title"),
                  let text = c.text("text") else { continue }
            let units = c.required("responsible_units")?.elements.compactMap(\.localized) ?? []
            out[numeral] = Clause(numeral: numeral, number: number, title: title, text: text, responsibleUnits: units)
        }
        return out
    }

    static func readCount(_ n: LibraryNode) -> TargetCount? {
        guard let label = n.text("label") else { return nil }
        if let instrument = n.optionalString("projects") {
            if let per = n.optionalString("per"), per != "year" { n.error("per: only 'year' is supported, not '\(per)'") }
            return TargetCount(figure: .projects(instrument: instrument, category: n.optionalString("category")), label: label)
        }
        if let sum = n.optionalString("sum") {
            guard let quantity = TargetCount.SummedQuantity(rawValue: sum) else {
                n.error("sum: unknown figure '\(sum)' (one of \(TargetCount.SummedQuantity.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
            return TargetCount(figure: .sum(quantity), label: label)
        }
        n.error("counted needs 'projects: INSTRUMENT' or 'sum: FIGURE'")
        return nil
    }

    static func readTarget(_ n: LibraryNode) -> Target? {
        guard let id = n.string("id"), let clause = n.string("clause"), let text = n.text("text") else { return nil }
        let measures: [TargetMeasure] = n.child("measures")?.elements.compactMap { m in
            guard let mid = m.string("id"), let label = m.text("label"), let value = m.string("value"),
                  let unit = m.text("unit") else { return nil }
            var measure = TargetMeasure(id: mid, label: label, value: value, unit: unit, kind: m.optionalString("kind"),
                                        counted: m.child("counted").flatMap(readCount))
            TargetDataReader.readProgress(m, into: &measure)
            return measure
        } ?? []
        var target = Target(id: id, clause: clause, text: text, measures: measures)
        if let units = n.child("responsible_units") {
            target.responsibleUnits = units.elements.compactMap(\.localized)
            if target.responsibleUnits.isEmpty { units.error("responsible_units: at least one unit, the lead first") }
        }
        return target
    }
}
