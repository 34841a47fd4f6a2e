/// Evaluates one condition of the library against a project (or one of its units), keeping the
/// figures that explain the outcome: a failed threshold says by how much it was missed.
struct ConditionEvaluator {
    let policy: ResolvedPolicy
    let facts: ProjectFacts

    func evaluate(_ c: ConditionDefinition, unit i: Int) -> ConditionResult {
        var result = ConditionResult(id: c.id, label: c.label, role: role(c), held: false)
        if let check = c.catalogue, let snapshot = facts.catalogue {
            // With a catalogue at hand the catalogue decides, not the project's declaration.
            evaluate(check, snapshot: snapshot, into: &result, unit: i)
            return result
        }
        if let check = c.recognition, let snapshot = facts.recognitions {
            evaluate(check, snapshot: snapshot, into: &result)
            return result
        }
        if let check = c.designation, let snapshot = facts.designations {
            evaluate(check, condition: c, snapshot: snapshot, into: &result)
            return result
        }
        let categories = facts.project.categories
        switch c.test {
        case .category(let id):
            result.held = categories.contains(id)
            if !result.held { result.detail = notDesignated([id]) }
        case .anyCategory(let ids):
            result.held = ids.contains(where: categories.contains)
            if !result.held { result.detail = notDesignated(ids) }
        case .flag(let flag, let expected):
            result.held = facts.flag(flag, unit: i) == expected
        case .present(let q):
            let figure = money(q, unit: i)
            result.held = (figure ?? .zero) > .zero
            result.figure = figure
            if figure == nil { result.detail = notGiven(q) }
        case let .compare(q, comparison, threshold):
            let figure = money(q, unit: i)
            result.figure = figure
            guard let limit = thresholdValue(threshold) else {
                result.detail = LocalizedText(zh: "该门槛未设定", en: "the threshold is not set")
                return result
            }
            result.threshold = limit
            guard let figure else { result.detail = notGiven(q); return result }
            switch comparison {
            case .atLeast: result.held = figure >= limit
            case .above: result.held = figure > limit
            case .atMost: result.held = figure <= limit
            case .below: result.held = figure < limit
            }
            if !result.held && (comparison == .atLeast || comparison == .above) {
                result.shortfall = limit - figure + (comparison == .above ? Money(fen: 1) : .zero)
            } else if !result.held {
                result.shortfall = figure - limit + (comparison == .below ? Money(fen: 1) : .zero)
            }
        case let .dateWithin(field, fromKey, toKey):
            let from = fromKey.flatMap(day), to = toKey.flatMap(day)
            guard let date = facts.date(field, unit: i) else {
                result.detail = LocalizedText(zh: "未填写日期", en: "the date is not given")
                return result
            }
            result.held = (from.map { $0 <= date } ?? true) && (to.map { date <= $0 } ?? true)
            result.detail = LocalizedText(zh: "日期 \(date)（\(from?.iso ?? "")至\(to?.iso ?? "")）",
                                          en: "date \(date) (window \(from?.iso ?? "…") to \(to?.iso ?? "…"))")
        case .purposeFrom(let days):
            let loan = facts.project.loans[i]
            guard let from = days[loan.purpose].flatMap(day) else {
                result.detail = LocalizedText(zh: "\(loan.purpose.label.zh)不在范围内", en: "a \(loan.purpose.label.en) is not covered")
                return result
            }
            guard let start = loan.startDate else {
                result.detail = LocalizedText(zh: "未填写贷款起始（放款）日期", en: "the loan's start (disbursement) date is not given")
                return result
            }
            result.held = from <= start
            result.detail = LocalizedText(zh: "\(loan.purpose.label.zh)，放款日 \(start)（自 \(from) 起纳入）",
                                          en: "\(loan.purpose.label.en) disbursed \(start) (covered from \(from))")
        case let .planCheck(kind, thresholds):
            evaluate(kind, thresholds: thresholds, into: &result)
        }
        return result
    }

    func role(_ c: ConditionDefinition) -> ConditionRole {
        switch c.role {
        case .fixed(let r): return r
        case .parameter(let key):
            if case .word(let w)? = policy.value(key), let role = ConditionRole(rawValue: w) { return role }
            return .required
        }
    }

    func money(_ q: Quantity, unit i: Int) -> Money? {
        switch facts.quantity(q, unit: i) {
        case .money(let m): return m
        case .yearly(let years): return years.map(\.amount).sum()
        case .ratio: return nil
        }
    }

    func thresholdValue(_ t: ThresholdSource) -> Money? {
        switch t {
        case .literal(let m): return m
        case .parameter(let key):
            if case .money(let m)? = policy.value(key) { return m }
            return nil
        }
    }

    func day(_ key: String) -> Day? {
        if case .day(let d)? = policy.value(key) { return d }
        return nil
    }

    func notGiven(_ q: Quantity) -> LocalizedText {
        LocalizedText(zh: "未填写\(q.label.zh)", en: "\(q.label.en) is not given")
    }

    /// The explanation of a category condition that failed; for one category it was written
    /// once when the library loaded (this runs for most conditions of most projects).
    func notDesignated(_ ids: [String]) -> LocalizedText {
        let vocabulary = policy.library.vocabulary
        if ids.count == 1, let text = vocabulary.notDesignated[ids[0]] { return text }
        return Vocabulary.notDesignated(ids.map { vocabulary.categories[$0]?.name ?? LocalizedText(zh: $0, en: $0) })
    }
}
