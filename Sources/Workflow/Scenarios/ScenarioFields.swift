import Policy

/// The fields in which application-scenario tasks are released (`workflow/scenarios.yaml`): the
/// six of (十八) and the metaverse of (十一).
public struct ScenarioFields: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var id: String
        public var clause: String
        /// The project category of the field (十八's), if any.
        public var category: String?
        public var name: LocalizedText
    }

    public var fields: [Field]
    public init(fields: [Field] = []) { self.fields = fields }
    public func field(_ id: String) -> Field? { fields.first { $0.id == id } }
}

enum ScenarioFieldsReader {
    static func read(_ n: WorkflowNode, policy: PolicyLibrary) -> ScenarioFields {
        var out: [ScenarioFields.Field] = []
        for f in n.required("fields")?.elements ?? [] {
            guard let id = f.string("id"), let clause = f.string("clause"), let name = f.text("name") else { continue }
            if out.contains(where: { $0.id == id }) { f.error(zh: "领域重复：\(id)", en: "field repeated: \(id)") }
            if policy.clauses[clause] == nil { f.error(zh: "没有条款“\(clause)”", en: "no clause '\(clause)'") }
            let category = f.child("category")?.scalar
            if let c = category, policy.vocabulary.categories[c] == nil { f.error(zh: "没有类别“\(c)”", en: "no category '\(c)'") }
            out.append(.init(id: id, clause: clause, category: category, name: name))
        }
        return ScenarioFields(fields: out)
    }
}
