import Foundation
import Policy
import Testing

/// The text limits are declared once, in `TextKind`; the contract and the JSON Schema must say
/// the same, and every text a request may carry must be bounded.
@Suite struct TextLimitContractTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func contract() throws -> JSONValue {
        try JSONValue.parseYAML(String(contentsOf: repo.appendingPathComponent("Sources/API/openapi.yaml"), encoding: .utf8))
    }

    static func schemaFile() throws -> JSONValue {
        try JSONParser.parse(String(contentsOf: repo.appendingPathComponent("Schemas/project-file.schema.json"), encoding: .utf8))
    }

    @Test(arguments: TextKind.allCases)
    func theContractDeclaresEachKindAsTheReaderReadsIt(_ kind: TextKind) throws {
        let schema = try #require(try Self.contract()["components"]?["schemas"]?[kind.contractSchema], "\(kind.contractSchema)")
        #expect(schema["maxLength"] == .number(String(kind.maxLength)))
        #expect(schema["pattern"] == .string(kind.pattern))
    }

    @Test(arguments: [TextKind.identifier, .name, .code])
    func theProjectFileSchemaDeclaresEachKindAsTheReaderReadsIt(_ kind: TextKind) throws {
        let def = try #require(try Self.schemaFile()["$defs"]?[kind.rawValue], "\(kind.rawValue)")
        guard case .array(let branches)? = def["anyOf"], let text = branches.first else { Issue.record("no anyOf"); return }
        #expect(text["maxLength"] == .number(String(kind.maxLength)))
        #expect(text["pattern"] == .string(kind.pattern))
    }

    /// Every string a request body or parameter may carry has a bound: a length, an enum, a
    /// format of fixed shape or an anchored pattern of bounded repetition — or it refers to a
    /// schema that has one.
    @Test func everyTextOfARequestIsBounded() throws {
        let contract = try Self.contract()
        var unbounded: [String] = []
        var seen: Set<String> = []
        func visit(_ node: JSONValue?, _ at: String) {
            guard let node else { return }
            if case .string(let ref)? = node["$ref"] {
                // "#/components/schemas/Name", "#/components/parameters/Page": followed once each.
                var target: JSONValue? = contract
                for key in ref.dropFirst(2).split(separator: "/") { target = target?[String(key)] }
                if target == nil { unbounded.append("\(at): unresolved \(ref)") }
                if seen.insert(ref).inserted { visit(target, String(ref.split(separator: "/").last ?? "")) }
                return
            }
            if node["type"] == .string("string") {
                let bounded = node["maxLength"] != nil || node["enum"] != nil || node["format"] == .string("uuid")
                    || node["format"] == .string("date") || node["format"] == .string("binary")
                    || Self.isBoundedPattern(node["pattern"])
                // Upload bodies (CSV, JSON Lines) are bounded by the route's body limit, not here.
                if !bounded && !at.hasPrefix("upload") { unbounded.append(at) }
            }
            for key in ["properties", "patternProperties"] {
                if case .object(let members)? = node[key] { for (k, v) in members { visit(v, "\(at).\(k)") } }
            }
            for key in ["items", "additionalProperties", "propertyNames", "schema"] { visit(node[key], "\(at).\(key)") }
            for key in ["allOf", "anyOf", "oneOf", "parameters"] {
                if case .array(let list)? = node[key] { for (i, v) in list.enumerated() { visit(v, "\(at).\(key)[\(i)]") } }
            }
        }
        guard case .object(let paths)? = contract["paths"] else { Issue.record("no paths"); return }
        for (path, item) in paths {
            visit(item, path)
            guard case .object(let ops) = item else { continue }
            for (method, op) in ops {
                visit(op, "\(method) \(path)")
                if case .object(let content)? = op["requestBody"]?["content"] {
                    for (type, media) in content {
                        visit(media["schema"], type.hasPrefix("application/json") ? "\(method) \(path) body" : "upload \(path)")
                    }
                }
            }
        }
        #expect(unbounded.isEmpty, "unbounded text: \(unbounded.sorted())")
    }

    /// An anchored pattern without `*` or `+`: every match has a bounded length.
    static func isBoundedPattern(_ value: JSONValue?) -> Bool {
        guard case .string(let p)? = value else { return false }
        return p.hasPrefix("^") && p.hasSuffix("$") && !p.contains("*") && !p.contains("+")
    }
}
