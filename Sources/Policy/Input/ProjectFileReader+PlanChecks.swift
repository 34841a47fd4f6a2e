/// The project's `planChecks` object: the figures of the checks the plan states (十二)(十四)(十五).
/// One optional object, so the rest of the format (and its fast path) stays as it was.
extension ProjectFileReader {
    static let planCheckFields: Set<String> = ["dataCentre", "itEquipment", "smartFactory", "secondHand"]
    static let dataCentreFields: Set<String> = ["kind", "pue"]
    static let itEquipmentFields: Set<String> = ["capacityKW", "efficiencyGain"]
    static let smartFactoryFields: Set<String> = ["before", "after"]
    static let secondHandFields: Set<String> = ["item", "grade", "evaluatedValue", "identifiedBy", "reportNumber", "identifiedOn"]
    /// A PUE is at least 1 by definition; 10 is far beyond any data centre in use.
    static let largestPUE = Ratio(numerator: 10, scale: 0)
    static let largestCapacityKW = 10_000_000
    static let mostSecondHandItems = 1000

    mutating func planChecks(_ m: Members, equipmentCount: Int, at path: String) -> PlanChecks? {
        guard let value = m["planChecks"], value != .null else { return nil }
        let p = "\(path).planChecks"
        guard let c = object(value, at: p, allowed: Self.planCheckFields) else { return nil }
        var checks = PlanChecks()
        if let v = c["dataCentre"], v != .null, let d = object(v, at: "\(p).dataCentre", allowed: Self.dataCentreFields) {
            let kindText = requiredString(d, "kind", .code, at: "\(p).dataCentre")
            let kind = kindText.flatMap(DataCentre.Kind.init(rawValue:))
            if let kindText, kind == nil {
                issue("\(p).dataCentre.kind", zh: "应为 new（新建）或 renovated（改造）：\(kindText.shown)",
                      en: "expected new or renovated: \(kindText.shown)")
            }
            let pue = decimalRatio(d, "pue", at: "\(p).dataCentre", least: .one, most: Self.largestPUE,
                                   zh: "PUE 应为 1 至 10 之间的数，如 \"1.25\"", en: "PUE must be a number from 1 to 10, e.g. \"1.25\"")
            if let kind, let pue { checks.dataCentre = DataCentre(kind: kind, pue: pue) }
        }
        if let v = c["itEquipment"], v != .null, let it = object(v, at: "\(p).itEquipment", allowed: Self.itEquipmentFields) {
            var capacity: Int?
            if let k = it["capacityKW"], k != .null {
                if case .number(let text) = k, let n = Int(text), n > 0, n <= Self.largestCapacityKW { capacity = n } else {
                    issue("\(p).itEquipment.capacityKW", zh: "容量（千瓦）应为 1 至 10000000 的整数",
                          en: "capacityKW must be a whole number from 1 to 10000000")
                }
            }
            if it["efficiencyGain"] == nil { missing("\(p).itEquipment.efficiencyGain") }
            if let gain = optionalRate(it, "efficiencyGain", at: "\(p).itEquipment") {
                checks.itEquipment = ITEquipmentRenewal(capacityKW: capacity, efficiencyGain: gain)
            }
        }
        if let v = c["smartFactory"], v != .null, let s = object(v, at: "\(p).smartFactory", allowed: Self.smartFactoryFields) {
            let before = answers(s, "before", at: "\(p).smartFactory")
            let after = answers(s, "after", at: "\(p).smartFactory")
            if let before, let after { checks.smartFactory = SmartFactoryAnswers(before: before, after: after) }
        }
        if let v = c["secondHand"], v != .null, let elements = array(v, at: "\(p).secondHand") {
            if elements.count > Self.mostSecondHandItems {
                issue("\(p).secondHand", zh: "二手设备最多 \(Self.mostSecondHandItems) 项", en: "at most \(Self.mostSecondHandItems) second-hand items")
            }
            var seen: Set<Int> = []
            for (i, e) in elements.prefix(Self.mostSecondHandItems).enumerated() {
                guard let g = secondHand(e, equipmentCount: equipmentCount, at: "\(p).secondHand[\(i)]") else { continue }
                if !seen.insert(g.item).inserted {
                    issue("\(p).secondHand[\(i)].item", zh: "同一设备重复分级：第 \(g.item) 项", en: "item \(g.item) is graded twice")
                    continue
                }
                checks.secondHand.append(g)
            }
        }
        return checks.isEmpty ? nil : checks
    }

    /// Every question of the library's questionnaire answered with one of its options.
    mutating func answers(_ m: Members, _ key: String, at path: String) -> [String: String]? {
        guard let value = m[key], value != .null else { missing("\(path).\(key)"); return nil }
        guard case .object(let members) = value else {
            issue("\(path).\(key)", zh: "应为“题号: 选项”的对象", en: "expected an object of question id: option id")
            return nil
        }
        let options = vocabulary.smartFactoryOptions
        guard members.count <= max(options.count, 1) * 2 else {
            issue("\(path).\(key)", zh: "作答数超过问卷题数（\(options.count) 题）", en: "more answers than the questionnaire has questions (\(options.count))")
            return nil
        }
        var out: [String: String] = [:]
        var ok = true
        for (question, answer) in members {
            let p = "\(path).\(key).\(question)"
            guard let allowed = options[question] else {
                issue(p, zh: "问卷中没有此题（共 \(options.count) 题）", en: "no such question in the questionnaire (\(options.count) questions)")
                ok = false; continue
            }
            guard let a = string(answer, .code, at: p) else { ok = false; continue }
            guard allowed.contains(a) else {
                issue(p, zh: "应为以下选项之一：\(allowed.sorted().joined(separator: ", "))：\(a.shown)",
                      en: "expected one of \(allowed.sorted().joined(separator: ", ")): \(a.shown)")
                ok = false; continue
            }
            out[question] = a
        }
        for question in options.keys.sorted() where out[question] == nil && !members.contains(where: { $0.key == question }) {
            issue("\(path).\(key).\(question)", zh: "未作答", en: "not answered")
            ok = false
        }
        return ok ? out : nil
    }

    mutating func secondHand(_ value: JSONValue, equipmentCount: Int, at path: String) -> SecondHandGrading? {
        guard let m = object(value, at: path, allowed: Self.secondHandFields) else { return nil }
        var item: Int?
        if let v = m["item"] {
            if case .number(let text) = v, let n = Int(text), n >= 1, n <= equipmentCount { item = n } else {
                issue("\(path).item", zh: "应为项目设备清单中的序号（1 至 \(equipmentCount)）",
                      en: "must be the position of an item in the project's equipment (1 to \(equipmentCount))")
            }
        } else { missing("\(path).item") }
        let grade = requiredString(m, "grade", .code, at: path)
        if let grade, !vocabulary.secondHandGrades.contains(grade) {
            issue("\(path).grade", zh: "未知的二手设备等级：\(grade.shown)（可选：\(vocabulary.secondHandGrades.sorted().joined(separator: ", "))）",
                  en: "unknown second-hand grade: \(grade.shown) (known: \(vocabulary.secondHandGrades.sorted().joined(separator: ", ")))")
            return nil
        }
        let value = optionalMoney(m, "evaluatedValue", at: path)
        let by = optionalString(m, "identifiedBy", .name, at: path)
        let report = optionalString(m, "reportNumber", .identifier, at: path)
        let on = optionalDay(m, "identifiedOn", at: path)
        guard let item, let grade else { return nil }
        return SecondHandGrading(item: item, grade: grade, evaluatedValue: value, identifiedBy: by, reportNumber: report, identifiedOn: on)
    }

    /// A required exact decimal within [least, most], as a string or a number.
    mutating func decimalRatio(_ m: Members, _ key: String, at path: String, least: Ratio, most: Ratio, zh: String, en: String) -> Ratio? {
        guard let value = m[key], value != .null else { missing("\(path).\(key)"); return nil }
        let text: String
        switch value {
        case .string(let s): text = s
        case .number(let n): text = n
        default: issue("\(path).\(key)", zh: zh, en: en); return nil
        }
        guard text.unicodeScalars.count <= 32, !text.hasSuffix("%"), let r = Ratio(text: text), least <= r, r <= most else {
            issue("\(path).\(key)", zh: "\(zh)：\(text.shown)", en: "\(en): \(text.shown)")
            return nil
        }
        return r
    }
}

/// The API's bodies for a project's assessment and gradings, read with the same checks as the
/// `planChecks` object of a project file; paths start at `$`.
extension ProjectFileReader {
    /// `{"before": {…}, "after": {…}}`.
    public static func readAssessment(_ value: JSONValue, vocabulary: Vocabulary) -> Result<SmartFactoryAnswers, ValidationFailure> {
        var reader = ProjectFileReader(vocabulary: vocabulary)
        guard let s = reader.object(value, at: "$", allowed: smartFactoryFields) else { return .failure(ValidationFailure(issues: reader.issues)) }
        let before = reader.answers(s, "before", at: "$"), after = reader.answers(s, "after", at: "$")
        if let before, let after, reader.issues.isEmpty { return .success(SmartFactoryAnswers(before: before, after: after)) }
        return .failure(ValidationFailure(issues: reader.issues))
    }

    /// `{"items": [{item, grade, …}, …]}` for a project of `equipmentCount` items.
    public static func readSecondHand(_ value: JSONValue, equipmentCount: Int, vocabulary: Vocabulary) -> Result<[SecondHandGrading], ValidationFailure> {
        var reader = ProjectFileReader(vocabulary: vocabulary)
        guard let m = reader.object(value, at: "$", allowed: ["items"]) else { return .failure(ValidationFailure(issues: reader.issues)) }
        var checks: PlanChecks?
        if m["items"] == nil || m["items"] == .null { reader.missing("$.items") } else {
            checks = reader.planChecks(Members(pairs: [("planChecks", .object([("secondHand", m["items"]!)]))]), equipmentCount: equipmentCount, at: "$")
        }
        let items = checks?.secondHand ?? []
        if items.isEmpty && reader.issues.isEmpty { reader.issue("$.items", zh: "至少一项二手设备", en: "at least one second-hand item") }
        // The shared reader names the paths under planChecks.secondHand; the body's are under items.
        let issues = reader.issues.map { i in
            let prefix = "$.planChecks.secondHand"
            let path = i.path.hasPrefix(prefix) ? "$.items" + i.path.dropFirst(prefix.count) : i.path
            return ValidationIssue(path: path, zh: i.message.zh, en: i.message.en)
        }
        if issues.isEmpty { return .success(items) }
        return .failure(ValidationFailure(issues: issues))
    }
}
