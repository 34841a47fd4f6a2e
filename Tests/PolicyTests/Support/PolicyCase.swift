import Foundation
import Policy
import Testing

/// A test case a policy officer can write (in the spirit of OpenFisca's YAML tests): an input,
/// optional parameter changes and evaluation date, and the amounts expected. The format is
/// documented in Tests/PolicyTests/Cases/README.md.
struct PolicyCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let readings: [Int]
    let date: Day?
    let overlay: JSONValue?
    /// The whole project file (enterprise and projects).
    let input: JSONValue
    let expect: JSONValue?
    /// Paths (and message fragments) that validation must report; the input must be refused.
    let refuse: [(path: String, contains: String?)]?

    var testDescription: String { "\(file): \(name)" }

    static let defaultEnterprise: JSONValue = .object([
        ("creditCode", .string("91310115MA1K4ABCDD")),
        ("name", .string("测试企业")),
        ("district", .string("pudong")),
        ("industryCode", .string("C34")),
    ])

    static let casesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Cases")

    /// Every case of every file in Cases/, in file order.
    static func all() -> [PolicyCase] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: casesDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.sorted().flatMap { name -> [PolicyCase] in
            let text = (try? String(contentsOf: casesDirectory.appendingPathComponent(name), encoding: .utf8)) ?? ""
            guard case .array(let items)? = try? JSONValue.parseYAML(text) else {
                return [PolicyCase(file: name, name: "file does not parse as a YAML list", readings: [], date: nil, overlay: nil,
                                   input: .null, expect: .null, refuse: nil)]
            }
            return items.map { read($0, file: name) }
        }
    }

    static func read(_ v: JSONValue, file: String) -> PolicyCase {
        var input = v["input"] ?? .null
        if let project = v["project"] {
            input = .object([("enterprise", v["enterprise"] ?? defaultEnterprise), ("projects", .array([project]))])
        }
        var readings: [Int] = []
        if case .array(let r)? = v["readings"] {
            readings = r.compactMap { if case .number(let n) = $0 { return Int(n) } else { return nil } }
        }
        var date: Day?
        if case .string(let d)? = v["date"] { date = Day(iso: d) }
        var refuse: [(String, String?)]?
        if case .array(let items)? = v["refuse"] {
            refuse = items.map { item in
                if case .string(let p)? = item["path"] {
                    if case .string(let c)? = item["contains"] { return (p, c) }
                    return (p, nil)
                }
                return ("?", nil)
            }
        }
        var name = "?"
        if case .string(let n)? = v["name"] { name = n }
        return PolicyCase(file: file, name: name, readings: readings, date: date, overlay: v["parameters"],
                          input: input, expect: v["expect"], refuse: refuse)
    }
}
