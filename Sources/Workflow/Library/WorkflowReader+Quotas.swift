import Policy

extension WorkflowReader {
    /// `quotas.yaml`: `quotas:` a list of {id, name, instrument, category?, per_year, source?}.
    static func quotas(_ root: WorkflowNode) -> [Quota] {
        var seen: Set<String> = []
        return root.required("quotas")?.elements.compactMap { n in
            guard let id = n.string("id"), let name = n.text("name"), let instrument = n.string("instrument"),
                  let perYear = n.integer("per_year") else { return nil }
            if !seen.insert(id).inserted { n.child("id")?.error(zh: "配额编号重复：\(id)", en: "the quota id is used twice: \(id)") }
            if perYear < 0 { n.child("per_year")?.error(zh: "应为非负整数", en: "expected a non-negative whole number") }
            let category = n.child("category") == nil ? nil : n.string("category")
            return Quota(id: id, name: name, instrument: instrument, category: category, perYear: perYear,
                         source: n.child("source") == nil ? nil : n.text("source"))
        } ?? []
    }
}
