import Foundation
import Policy
import Registry
import Workflow

/// The demonstration's list library and resource library: two editions of a few lists (so that
/// the diff and the dashboard's series show something), recognitions counted by the targets,
/// pilot bases, the demo bank's and lessor's financial products, and service providers — all
/// through the stores' own checks, every name marked as demonstration data.
struct DemoLibraries {
    let lists: ListLibraryStore
    let resources: ResourceStore
    let scenarios: ScenarioStore
    let actor: AuditActor
    let today: Day

    struct Outcome {
        var editions = 0
        var entries = 0
        var resources = 0
        var tasks = 0
    }

    /// `count` entries of a kind, drawn in turn from the enterprises, as the kind's CSV file.
    func csv(_ kind: ListKind, count: Int, enterprises: [Enterprise], year: Int, offset: Int = 0, label: String) -> String {
        var lines = [ListEntryReader.header(of: kind).joined(separator: ",")]
        for i in 0..<count {
            let e = enterprises[(i + offset) % enterprises.count]
            let fields = kind.fields.map { _ in "演示" }
            let row = ["\(kind.id.prefix(3).uppercased())-\(year)-\(String(format: "%03d", i + 1))", "\(label)\(i + 1)（演示数据）", e.name, e.creditCode, e.district, String(year)] + fields
            lines.append(row.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func make(enterprises: [Enterprise], outcome: inout Outcome) async throws {
        // (kind, label, entries in the first edition on 2025-06-30, in the second on 2026-01-15)
        let plan: [(String, String, Int, Int)] = [
            ("iconic-equipment", "标志性产品", 20, 32),
            ("research-instruments", "创新科研仪器", 12, 18),
            ("medical-devices", "创新医疗设备", 10, 16),
            ("new-material-instruments", "新材料急需仪器", 6, 9),
            ("smart-manufacturing-scenarios", "智能制造示范场景", 90, 180),
            ("pilot-bases", "中试基地", 4, 7),
            ("pilot-projects", "中试项目", 10, 21),
            ("benchmark-smart-factories", "标杆性智能工厂", 5, 9),
            ("demonstration-smart-factories", "示范性智能工厂", 60, 130),
            ("green-factories", "绿色工厂", 120, 210),
            ("green-parks", "绿色园区", 8, 12),
            ("metaverse-scenarios", "元宇宙应用场景", 9, 14),
            ("first-sets", "首台（套）装备", 18, 26),
            ("first-versions", "首版次软件", 8, 12),
            ("first-batches", "首批次新材料", 5, 8),
        ]
        for (id, label, first, second) in plan {
            let kind = try lists.kind(id)
            for (n, (count, day, title)) in [(first, "2025-06-30", "2025年第一批（演示）"), (second, "2026-01-15", "2026年第一批（演示）")].enumerated() {
                // The second edition keeps the first's entries (year 2025) and adds the new year's.
                var text = csv(kind, count: first, enterprises: enterprises, year: 2025, label: label)
                if n == 1 {
                    let added = csv(kind, count: count - first, enterprises: enterprises, year: 2026, offset: first, label: label)
                    text += added.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
                }
                let e = try await lists.publish(.init(kind: id, title: title, publishedOn: Day(iso: day)!, note: "演示数据 / demonstration data"),
                                                file: Data(text.utf8), format: .csv, today: today, by: actor)
                outcome.editions += 1
                outcome.entries += e.entryCount
            }
        }

        var drafts: [ResourceDraft] = []
        for (name, district, industries, field) in [("先进高分子材料中试基地（演示）", "jinshan", ["C26", "C29"], "先进高分子材料"),
                                                    ("高端金属材料中试基地（演示）", "baoshan", ["C31", "C32", "C33"], "高端金属材料"),
                                                    ("电子化学品中试基地（演示）", "fengxian", ["C26", "C39"], "电子化学品"),
                                                    ("生物医用材料中试基地（演示）", "pudong", ["C27", "C35"], "生物医用材料")] {
            var d = ResourceDraft(kind: ResourceKind.pilotBase.rawValue, name: name)
            d.district = district
            d.industries = industries
            d.field = field
            d.venues = "中试车间与检测实验室（演示）"
            d.equipment = "中试线、表征与检测设备（演示）"
            d.capacity = "每年承接 20 个中试项目（演示）"
            d.enterprisesServed = 30
            d.resultsConverted = 6
            drafts.append(d)
        }
        for (institution, name, type, rate, term) in [(DemoAccounts.bank, "设备更新专项贷款（演示）", "renewal-loan", "2.95", 60),
                                                      (DemoAccounts.bank, "技术改造中长期贷款（演示）", "technical-renovation-loan", "3.10", 84),
                                                      (DemoAccounts.bank, "设备购置贷款（演示）", "equipment-loan", "3.30", 36),
                                                      (DemoAccounts.lessor, "设备直租（演示）", "finance-lease", "4.20", 48)] {
            var d = ResourceDraft(kind: ResourceKind.financialProduct.rawValue, name: name)
            d.institution = institution
            d.productType = type
            d.annualRatePercent = rate
            d.termMonths = term
            d.maxAmount = "100000000"
            d.conditions = "项目列入设备更新和技术改造项目库（演示）"
            drafts.append(d)
        }
        for (name, services, industries) in [("智能工厂评估诊断服务中心（演示）", "智能工厂评估诊断、数字化改造咨询", [String]()),
                                              ("节能诊断服务机构（演示）", "节能诊断、能源管理中心建设", ["C", "D"])] {
            var d = ResourceDraft(kind: ResourceKind.serviceProvider.rawValue, name: name)
            d.services = services
            d.industries = industries
            drafts.append(d)
        }
        for d in drafts {
            _ = try await resources.save(d, by: actor)
            outcome.resources += 1
        }

        // A task in each field; the first enterprise takes up the first and is designated its benchmark.
        for (i, field) in scenarios.fields.fields.enumerated() {
            let t = try await scenarios.release(.init(batch: "2026-01", field: field.id, title: "\(field.name.zh)应用场景任务（演示）", description: nil,
                                                      owner: "市经济信息化委"), today: today, by: actor)
            outcome.tasks += 1
            if i == 0, let first = enterprises.first, let id = t.task.id {
                _ = try await scenarios.take(id, creditCode: first.creditCode, enterpriseName: first.name, note: nil, today: today, by: actor)
                _ = try await scenarios.designate(id, creditCode: first.creditCode, projectID: nil, today: today, by: actor)
            }
        }
    }
}
