import Policy

/// Cross-file checks of the workflow data against the policy library: every city instrument has a
/// checklist and reviewers; a critical item is never deferrable; every department, item, clause,
/// category and role referred to exists.
struct WorkflowLibraryChecks {
    let library: WorkflowLibrary
    let policy: PolicyLibrary
    let log: WorkflowNode.Log

    func run() {
        checkMaterials()
        checkDepartments()
        checkProcess()
        checkQuotas()
    }

    /// A quota names an instrument and a category the library has.
    private func checkQuotas() {
        let instruments = Set(policy.cityInstruments.map(\.id))
        for (n, q) in library.quotas.enumerated() {
            if !instruments.contains(q.instrument) {
                log.add("quotas.yaml", "$.quotas[\(n)].instrument", zh: "政策库中没有政策“\(q.instrument)”", en: "the policy library has no instrument '\(q.instrument)'")
            }
            if let c = q.category, policy.vocabulary.categories[c] == nil {
                log.add("quotas.yaml", "$.quotas[\(n)].category", zh: "未知项目类别“\(c)”", en: "unknown category '\(c)'")
            }
        }
    }

    private func clause(_ numeral: String, _ file: String, _ path: String) {
        if policy.clauses[numeral] == nil {
            log.add(file, path, zh: "条款“\(numeral)”不在 clauses.yaml 中", en: "clause '\(numeral)' is not in clauses.yaml")
        }
    }

    private func instrumentKeys(_ keys: some Sequence<String>, _ file: String, _ section: String) {
        let city = Set(policy.cityInstruments.map(\.id))
        let national = Set(policy.nationalInstruments.map(\.id))
        for key in keys.sorted() where !city.contains(key) {
            let path = "$.\(section).\(key)"
            if national.contains(key) {
                log.add(file, path, zh: "\(key)为国家政策，不在本平台申报", en: "\(key) is a national instrument, not applied for here")
            } else {
                log.add(file, path, zh: "政策库中没有政策“\(key)”", en: "the policy library has no instrument '\(key)'")
            }
        }
        for instrument in policy.cityInstruments where !Set(keys).contains(instrument.id) {
            log.add(file, "$.\(section)", zh: "缺少政策\(instrument.id)", en: "instrument \(instrument.id) is missing")
        }
    }

    private func checkMaterials() {
        let file = "materials.yaml"
        let m = library.materials
        for (id, item) in m.items.sorted(by: { $0.key < $1.key }) {
            clause(item.clause, file, "$.items.\(id).clause")
            if item.kind == .critical, item.dueDays != nil {
                log.add(file, "$.items.\(id).due_days", zh: "关键材料不得容缺，不能设补正期限",
                        en: "a critical item is never deferrable, so it has no due period")
            }
            if let days = item.dueDays, days == 0 {
                log.add(file, "$.items.\(id).due_days", zh: "补正期限应大于0天", en: "the due period is more than 0 days")
            }
        }
        instrumentKeys(m.instruments.keys, file, "instruments")
        for (instrument, ids) in m.instruments.sorted(by: { $0.key < $1.key }) {
            var seen: Set<String> = []
            for (i, id) in ids.enumerated() {
                let path = "$.instruments.\(instrument)[\(i)]"
                if m.items[id] == nil { log.add(file, path, zh: "未定义的材料“\(id)”", en: "undefined item '\(id)'") }
                if !seen.insert(id).inserted { log.add(file, path, zh: "材料“\(id)”重复列出", en: "item '\(id)' is listed twice") }
            }
            if !ids.contains(where: { m.items[$0]?.kind == .critical }) {
                log.add(file, "$.instruments.\(instrument)", zh: "至少应有一项关键材料", en: "lists at least one critical item")
            }
        }
        let national = Set(policy.nationalInstruments.map(\.id))
        for id in m.notAppliedHere.sorted() where !national.contains(id) {
            log.add(file, "$.not_applied_here.instruments", zh: "“\(id)”不是国家政策", en: "'\(id)' is not a national instrument")
        }
    }

    private func checkDepartments() {
        let file = "departments.yaml"
        let r = library.roster
        var codes: Set<String> = []
        for (i, d) in r.departments.enumerated() {
            if !codes.insert(d.code).inserted {
                log.add(file, "$.departments[\(i)].code", zh: "部门代码“\(d.code)”重复", en: "department code '\(d.code)' is used twice")
            }
            clause(d.clause, file, "$.departments[\(i)].clause")
            if d.workingDays == 0 {
                log.add(file, "$.departments[\(i)].working_days", zh: "时限应至少1个工作日", en: "the target is at least 1 working day")
            }
        }
        func known(_ code: String, _ path: String) {
            if !codes.contains(code) { log.add(file, path, zh: "未定义的部门“\(code)”", en: "undefined department '\(code)'") }
        }
        instrumentKeys(r.required.keys, file, "required")
        for (instrument, list) in r.required.sorted(by: { $0.key < $1.key }) {
            for (i, code) in list.enumerated() { known(code, "$.required.\(instrument)[\(i)]") }
            if list.isEmpty { log.add(file, "$.required.\(instrument)", zh: "至少需要一个审查部门", en: "needs at least one reviewing department") }
        }
        for code in r.notRequiredWhenZeroLand.sorted() { known(code, "$.not_required_when_zero_land") }
        if let g = r.greenChannel {
            clause(g.clause, file, "$.green_channel.clause")
            known(g.department, "$.green_channel.department")
            if let d = r.department(g.department), g.workingDays >= d.workingDays || g.workingDays == 0 {
                log.add(file, "$.green_channel.working_days", zh: "绿色通道时限应短于该部门的一般时限（\(d.workingDays)个工作日）且至少1天",
                        en: "the green channel's target is shorter than the department's own (\(d.workingDays) working days) and at least 1")
            }
            for c in g.categories.sorted() where policy.vocabulary.categories[c] == nil {
                log.add(file, "$.green_channel.categories", zh: "未知项目类别“\(c)”", en: "unknown category '\(c)'")
            }
        }
    }

    private func checkProcess() {
        let file = "process.yaml"
        let p = library.process
        clause(p.deferral.clause, file, "$.deferral.clause")
        clause(p.serviceLevel.clause, file, "$.service_level.clause")
        clause(p.commitmentFiling.clause, file, "$.commitment_filing.clause")
        if p.deferral.dueDays == 0 { log.add(file, "$.deferral.due_days", zh: "补正期限应大于0天", en: "the due period is more than 0 days") }
        for d in p.deferral.remindDaysBefore where d >= p.deferral.dueDays {
            log.add(file, "$.deferral.remind_days_before", zh: "提醒提前\(d)天不短于补正期限", en: "a reminder \(d) days before is not inside the due period")
        }
        for c in p.commitmentFiling.categories.sorted() where policy.vocabulary.categories[c] == nil {
            log.add(file, "$.commitment_filing.categories", zh: "未知项目类别“\(c)”", en: "unknown category '\(c)'")
        }
        let id = p.commitmentFiling.commitmentItem
        if let item = library.materials.items[id] {
            if item.kind != .critical {
                log.add(file, "$.commitment_filing.commitment_item", zh: "承诺书“\(id)”应为关键材料", en: "the commitment '\(id)' must be a critical item")
            }
        } else {
            log.add(file, "$.commitment_filing.commitment_item", zh: "materials.yaml 中没有材料“\(id)”", en: "materials.yaml has no item '\(id)'")
        }
    }
}
