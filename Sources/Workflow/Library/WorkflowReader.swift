import Foundation
import Policy

/// Reads each workflow file's nodes into values; shape errors go to the log. Cross-references
/// are checked afterwards by `WorkflowLibraryChecks`.
enum WorkflowReader {
    static func materials(_ root: WorkflowNode) -> MaterialsChecklist {
        var items: [String: MaterialItem] = [:]
        for (id, n) in root.required("items")?.members ?? [] {
            guard let label = n.text("label"), let clause = n.string("clause"), let kindText = n.string("kind") else { continue }
            guard let kind = MaterialItem.Kind(rawValue: kindText) else {
                n.child("kind")?.error(zh: "应为 critical 或 deferrable：\(kindText)", en: "expected critical or deferrable: \(kindText)")
                continue
            }
            var accepted: Set<ContentKind> = []
            for c in n.required("content")?.elements ?? [] {
                guard let s = c.scalar else { continue }
                if let k = ContentKind(rawValue: s) { accepted.insert(k) } else {
                    c.error(zh: "未知文件类型：\(s)（应为 pdf、image、xlsx）", en: "unknown content kind: \(s) (pdf, image, xlsx)")
                }
            }
            if accepted.isEmpty { n.error(zh: "至少接受一种文件类型", en: "accepts at least one content kind") }
            let dueDays = n.child("due_days") == nil ? nil : n.integer("due_days")
            items[id] = MaterialItem(id: id, label: label, clause: clause, kind: kind, accepted: accepted, dueDays: dueDays)
        }
        var instruments: [String: [String]] = [:]
        for (id, list) in root.required("instruments")?.members ?? [] {
            instruments[id] = list.elements.compactMap(\.scalar)
        }
        let notHere = root.child("not_applied_here")
        return MaterialsChecklist(items: items, instruments: instruments,
                                  notAppliedHere: Set(notHere?.stringList("instruments") ?? []),
                                  notAppliedReason: notHere?.text("reason"))
    }

    static func roster(_ root: WorkflowNode) -> ReviewRoster {
        let departments: [Department] = root.required("departments")?.elements.compactMap { n in
            guard let code = n.string("code"), let name = n.text("name"), let clause = n.string("clause"),
                  let days = n.integer("working_days") else { return nil }
            return Department(code: code, name: name, clause: clause, workingDays: days)
        } ?? []
        var required: [String: [String]] = [:]
        for (id, list) in root.required("required")?.members ?? [] { required[id] = list.elements.compactMap(\.scalar) }
        let zeroLand = root.child("not_required_when_zero_land").map { $0.elements.compactMap(\.scalar) } ?? []
        var escalateTo = Role.cityOfficer
        if let text = root.string("escalate_to") {
            if let role = Role(rawValue: text) { escalateTo = role } else {
                root.child("escalate_to")?.error(zh: "未知角色：\(text)", en: "unknown role: \(text)")
            }
        }
        return ReviewRoster(departments: departments, required: required, notRequiredWhenZeroLand: Set(zeroLand),
                            greenChannel: root.child("green_channel").flatMap(greenChannel), escalateTo: escalateTo)
    }

    static func greenChannel(_ n: WorkflowNode) -> GreenChannel? {
        guard let clause = n.string("clause"), let department = n.string("department"),
              let days = n.integer("working_days") else { return nil }
        let industries: [GreenChannel.KeyIndustry] = n.required("key_industries")?.elements.compactMap { k in
            guard let id = k.string("id"), let name = k.text("name") else { return nil }
            let prefixes = k.stringList("industry_prefixes")
            if prefixes.isEmpty { k.error(zh: "至少列出一个行业代码前缀", en: "lists at least one industry-code prefix") }
            return GreenChannel.KeyIndustry(id: id, name: name, industryPrefixes: prefixes)
        } ?? []
        return GreenChannel(clause: clause, department: department, workingDays: days,
                            categories: Set(n.stringList("categories")), keyIndustries: industries)
    }

    static func process(_ root: WorkflowNode) -> ProcessRules? {
        guard let d = root.required("deferral"), let s = root.required("service_level"),
              let c = root.required("commitment_filing") else { return nil }
        guard let dClause = d.string("clause"), let dueDays = d.integer("due_days"), let countedText = d.string("counted"),
              let sClause = s.string("clause"), let margin = s.integer("at_risk_working_days_left"),
              let cClause = c.string("clause"), let rateText = c.string("sample_rate"),
              let item = c.string("commitment_item") else { return nil }
        guard let counted = ProcessRules.DayCount(rawValue: countedText) else {
            d.child("counted")?.error(zh: "应为 calendar 或 working：\(countedText)", en: "expected calendar or working: \(countedText)")
            return nil
        }
        let offsets = d.required("remind_days_before")?.elements.compactMap { e -> Int? in
            guard let s = e.scalar, let i = Int(s), i >= 0 else { e.error(zh: "应为非负整数", en: "expected a non-negative whole number"); return nil }
            return i
        } ?? []
        guard let rate = Decimal(string: rateText, locale: Locale(identifier: "en_US_POSIX")), rateText.allSatisfy({ $0.isNumber || $0 == "." }),
              rate >= 0, rate <= 1 else {
            c.child("sample_rate")?.error(zh: "抽查比例应为0到1之间的小数：\(rateText)", en: "the sample rate is a decimal from 0 to 1: \(rateText)")
            return nil
        }
        var zeroLand = true
        if let z = c.required("zero_land") {
            if case .bool(let b) = z.value { zeroLand = b } else { z.error(zh: "应为 true 或 false", en: "expected true or false") }
        }
        return ProcessRules(
            deferral: .init(clause: dClause, dueDays: dueDays, counted: counted, remindDaysBefore: offsets),
            serviceLevel: .init(clause: sClause, atRiskWorkingDaysLeft: margin),
            commitmentFiling: .init(clause: cClause, sampleRate: rate, categories: Set(c.stringList("categories")),
                                    zeroLand: zeroLand, commitmentItem: item))
    }

    /// A calendar file; its days are checked to be real dates here, the rest in the checks.
    static func holidayYear(_ root: WorkflowNode, fileYear: Int) -> HolidayYear? {
        guard let yearText = root.string("year"), let source = root.text("source") else { return nil }
        guard let year = Int(yearText), year == fileYear else {
            root.child("year")?.error(zh: "年份\(yearText)与文件名\(fileYear).yaml不符", en: "year \(yearText) does not match the file name \(fileYear).yaml")
            return nil
        }
        let published = root.child("published")?.day
        func inYear(_ n: WorkflowNode) -> Day? {
            guard let d = n.day else { return nil }
            if d.year != year { n.error(zh: "\(d.iso)不在\(year)年内", en: "\(d.iso) is not in \(year)"); return nil }
            return d
        }
        let holidays: [HolidayYear.Holiday] = root.required("holidays")?.elements.compactMap { n in
            guard let name = n.text("name"), let fromNode = n.required("from"), let toNode = n.required("to"),
                  let from = inYear(fromNode), let to = inYear(toNode) else { return nil }
            if to < from { n.error(zh: "假期结束日早于开始日", en: "the holiday ends before it begins"); return nil }
            return HolidayYear.Holiday(name: name, from: from, to: to)
        } ?? []
        let holidayDays = Set(holidays.flatMap(\.days))
        var makeUps: Set<Day> = []
        for n in root.required("make_up_working_days")?.elements ?? [] {
            guard let d = inYear(n) else { continue }
            if holidayDays.contains(d) {
                n.error(zh: "\(d.iso)既是假日又是调休上班日", en: "\(d.iso) is both a holiday and a make-up working day")
            } else if !d.isWeekend {
                n.error(zh: "\(d.iso)不是周末，无需列为调休上班日", en: "\(d.iso) is not a weekend day, so it cannot be a make-up working day")
            }
            if !makeUps.insert(d).inserted { n.error(zh: "\(d.iso)重复列出", en: "\(d.iso) is listed twice") }
        }
        return HolidayYear(year: year, source: source, published: published, holidays: holidays, makeUpWorkingDays: makeUps)
    }
}
