import Yams

extension JSONValue {
    /// The same tree from a YAML node, so that test cases and policy officers may write projects
    /// in YAML. Plain scalars keep their text: `1234.56` stays the digits, never a `Double`.
    public init(yaml node: Node) {
        switch node {
        case .mapping(let mapping):
            self = .object(mapping.map { (key: $0.key.string ?? "", value: JSONValue(yaml: $0.value)) })
        case .sequence(let sequence):
            self = .array(sequence.map { JSONValue(yaml: $0) })
        case .alias:
            self = .null
        case .scalar(let scalar):
            if scalar.style != .plain {
                self = .string(scalar.string)
                return
            }
            switch scalar.string {
            case "~", "null", "Null", "NULL", "": self = .null
            case "true", "True", "TRUE": self = .bool(true)
            case "false", "False", "FALSE": self = .bool(false)
            default:
                let text = scalar.string
                let looksNumeric = text.first.map { $0 == "-" || $0.isASCII && $0.isNumber } ?? false
                    && text.allSatisfy { $0.isASCII && ($0.isNumber || "-+.eE".contains($0)) }
                    && text.filter({ $0 == "-" }).count <= 1
                self = looksNumeric ? .number(text) : .string(text)
            }
        }
    }

    /// Parses YAML text (a superset of JSON) into the tree.
    public static func parseYAML(_ text: String) throws -> JSONValue {
        guard let node = try Yams.compose(yaml: text) else { return .null }
        return JSONValue(yaml: node)
    }
}
