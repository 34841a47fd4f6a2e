import Foundation
import Testing
import Yams

/// The project format is declared in `Schemas/project-file.schema.json` (what `renewal match`,
/// the import and the API's reader take); the contract's request schemas for the same objects
/// must say the same: the same fields, the same required ones, and for each field the same kind
/// of value (the JSON types it may be, enum values, length limits, the object or list it holds).
/// `null` is left out of the comparison: the reader takes a null as an absent field, and the
/// contract does not spell that out.
@Suite struct ContractSchemaTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The project file's objects and the contract's names for them.
    static let pairs: [(file: String, contract: String)] = [
        ("enterprise", "Enterprise"), ("investment", "Investment"), ("equipment", "EquipmentItem"),
        ("loan", "Loan"), ("lease", "Lease"), ("certification", "CertificationContract"),
        ("productContract", "ProductContract"), ("project", "Project"), ("planChecks", "PlanChecks"),
        ("secondHandGrading", "SecondHandGrading"),
    ]

    struct Side {
        let definitions: [String: Any]
        let prefix: String
        /// Names of the objects compared pair by pair: a reference to one is its canonical name.
        let objectNames: [String: String]

        func resolve(_ ref: String) -> [String: Any]? {
            guard ref.hasPrefix(prefix) else { return nil }
            return definitions[String(ref.dropFirst(prefix.count))] as? [String: Any]
        }

        /// What a schema allows, as one comparable text.
        func kind(_ schema: [String: Any]) -> String {
            if let ref = schema["$ref"] as? String {
                let name = String(ref.dropFirst(prefix.count))
                if let canonical = objectNames[name] { return "object:\(canonical)" }
                guard let target = resolve(ref) else { return "unresolved:\(ref)" }
                var merged = target
                for (k, v) in schema where k != "$ref" && k != "description" { merged[k] = v }
                return kind(merged)
            }
            for key in ["anyOf", "oneOf"] {
                if let options = schema[key] as? [[String: Any]] {
                    var kinds: Set<String> = []
                    for k in options.map(kind) where k != "null" {
                        // A choice inside a choice is one choice (the parser of `any(…)` is one level deep).
                        if k.hasPrefix("any(") { kinds.formUnion(k.dropFirst(4).dropLast().split(separator: "|").map(String.init)) } else { kinds.insert(k) }
                    }
                    return kinds.count == 1 ? kinds.first! : "any(" + kinds.sorted().joined(separator: "|") + ")"
                }
            }
            var types: [String]
            if let t = schema["type"] as? String { types = [t] } else { types = schema["type"] as? [String] ?? [] }
            types.removeAll { $0 == "null" }
            var parts: [String] = []
            for t in types.sorted() {
                switch t {
                case "array":
                    parts.append("array<" + kind(schema["items"] as? [String: Any] ?? [:]) + ">")
                case "object":
                    let values = (schema["additionalProperties"] as? [String: Any])
                        ?? (schema["patternProperties"] as? [String: Any])?.values.first as? [String: Any]
                    parts.append("map<" + kind(values ?? [:]) + ">")
                case "string":
                    var s = "string"
                    if let e = schema["enum"] as? [Any] { s += "[" + e.compactMap { $0 as? String }.sorted().joined(separator: ",") + "]" }
                    if let max = schema["maxLength"] { s += "≤\(max)" }
                    parts.append(s)
                default: parts.append(t)
                }
            }
            if parts.isEmpty { return "null" }
            return parts.count == 1 ? parts[0] : "any(" + parts.joined(separator: "|") + ")"
        }

        func object(_ name: String) -> (properties: [String: [String: Any]], required: Set<String>) {
            let s = definitions[name] as? [String: Any] ?? [:]
            return (s["properties"] as? [String: [String: Any]] ?? [:], Set(s["required"] as? [String] ?? []))
        }
    }

    static func load() throws -> (file: Side, contract: Side) {
        let fileText = try String(contentsOf: repo.appendingPathComponent("Schemas/project-file.schema.json"), encoding: .utf8)
        let contractText = try String(contentsOf: repo.appendingPathComponent("Sources/API/openapi.yaml"), encoding: .utf8)
        let file = try Yams.load(yaml: fileText) as? [String: Any] ?? [:]
        let contract = try Yams.load(yaml: contractText) as? [String: Any] ?? [:]
        var fileDefs = file["$defs"] as? [String: Any] ?? [:]
        fileDefs["$file"] = file
        var contractDefs = (contract["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        contractDefs["$file"] = contractDefs["ProjectFile"]
        let fileNames = Dictionary(uniqueKeysWithValues: pairs.map { ($0.file, $0.file) })
        let contractNames = Dictionary(uniqueKeysWithValues: pairs.map { ($0.contract, $0.file) })
        return (Side(definitions: fileDefs, prefix: "#/$defs/", objectNames: fileNames),
                Side(definitions: contractDefs, prefix: "#/components/schemas/", objectNames: contractNames))
    }

    @Test(arguments: pairs + [("$file", "$file")])
    func theContractSaysWhatTheProjectFileSays(_ pair: (file: String, contract: String)) throws {
        let (file, contract) = try Self.load()
        let ours = file.object(pair.file), theirs = contract.object(pair.contract)
        #expect(!ours.properties.isEmpty)
        let fields = Set(ours.properties.keys).subtracting(["$schema"])
        #expect(fields == Set(theirs.properties.keys).subtracting(["$schema"]), "\(pair.contract): fields differ")
        #expect(ours.required == theirs.required, "\(pair.contract): required fields differ")
        for field in fields.sorted() {
            guard let a = ours.properties[field], let b = theirs.properties[field] else { continue }
            #expect(file.kind(a) == contract.kind(b), "\(pair.contract).\(field)")
        }
    }
}
