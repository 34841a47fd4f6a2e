import Policy

/// (a) The same equipment claimed by two projects: one serial number, or one invoice number, in
/// the equipment of more than one project. (One invoice may list several items of one project,
/// so only other projects count.)
enum SameEquipmentCheck {
    static func flags(_ population: RiskPopulation, focus: Set<RiskProjectRef>?) -> [RiskFlag] {
        var serials: [(key: String, ref: RiskProjectRef, where: String)] = []
        var invoices: [(key: String, ref: RiskProjectRef, where: String)] = []
        for entry in population.entries {
            for (i, item) in entry.project.equipment.enumerated() {
                if let s = RiskNormal.identifier(item.serialNumber) { serials.append((s, entry.ref, "equipment[\(i)]")) }
                if let n = RiskNormal.identifier(item.invoiceNumber) { invoices.append((n, entry.ref, "equipment[\(i)]")) }
            }
        }
        var out: [RiskFlag] = []
        for (field, items) in [("serialNumber", serials), ("invoiceNumber", invoices)] {
            for (value, occurrences) in RiskScanner.shared(items, acrossProjects: true) {
                for ref in Set(occurrences.map(\.ref)) where focus?.contains(ref) ?? true {
                    let others = Set(occurrences.map(\.ref)).subtracting([ref])
                    let mine = occurrences.filter { $0.ref == ref }.map(\.where).joined(separator: ", ")
                    let label = field == "serialNumber" ? ("出厂编号", "serial number") : ("发票号码", "invoice number")
                    out.append(RiskFlag(
                        kind: .sameEquipment, project: ref,
                        reason: LocalizedText(zh: "设备\(label.0) \(value) 同时出现在其他 \(others.count) 个项目中",
                                              en: "equipment \(label.1) \(value) is also claimed by \(others.count) other project(s)"),
                        partners: Array(others), enterprises: Array(Set(others.map(\.creditCode)).subtracting([ref.creditCode])),
                        facts: [RiskFact(field, value), RiskFact("items", mine)]))
                }
            }
        }
        return out
    }
}
