/// A set of parameter changes laid over the library: a reform to simulate, a test case's
/// setting, or an administrator's correction before it is written to the library. Written in
/// YAML as
///
///     7a.cap: "15000000"                       # replaces every value
///     7a.ratio: [{from: 2025-01-01, value: 40%}]  # adds or replaces a dated value
///     reading.clause7_threshold_role: bar
///
/// A single value replaces the parameter's history (it holds on every date the parameter did);
/// a list of dated values is merged into the history.
public struct ParameterOverlay: Sendable {
    public enum Change: Sendable {
        case always(String)
        case dated([(from: Day, value: String)])
    }

    public var changes: [(key: String, change: Change)]

    public init(changes: [(key: String, change: Change)] = []) { self.changes = changes }

    /// Reads the YAML form above (any JSONValue object).
    public static func read(_ value: JSONValue) throws -> ParameterOverlay {
        guard case .object(let members) = value else { throw PolicyLibraryErrors(errors: [.init(file: "overlay", path: "$", message: "expected a mapping of parameter keys")]) }
        var overlay = ParameterOverlay()
        for (key, v) in members {
            switch v {
            case .string(let s), .number(let s): overlay.changes.append((key, .always(s)))
            case .bool(let b): overlay.changes.append((key, .always(String(b))))
            case .array(let items):
                var dated: [(Day, String)] = []
                for item in items {
                    guard case .string(let f)? = item["from"], let from = Day(iso: f), let raw = item["value"] else {
                        throw PolicyLibraryErrors(errors: [.init(file: "overlay", path: "$.\(key)", message: "each dated value needs from (YYYY-MM-DD) and value")])
                    }
                    switch raw {
                    case .string(let s), .number(let s): dated.append((from, s))
                    case .bool(let b): dated.append((from, String(b)))
                    default: throw PolicyLibraryErrors(errors: [.init(file: "overlay", path: "$.\(key)", message: "value must be a single value")])
                    }
                }
                overlay.changes.append((key, .dated(dated)))
            default:
                throw PolicyLibraryErrors(errors: [.init(file: "overlay", path: "$.\(key)", message: "expected a value or a list of {from, value}")])
            }
        }
        return overlay
    }
}

extension PolicyLibrary {
    /// The library with the overlay's changes applied; refuses unknown keys and values of the
    /// wrong type, naming the key.
    public func applying(_ overlay: ParameterOverlay) throws -> PolicyLibrary {
        var library = self
        var errors: [PolicyLibraryError] = []
        for (key, change) in overlay.changes {
            guard var parameter = library.parameters[key] else {
                errors.append(.init(file: "overlay", path: "$.\(key)", message: "no parameter '\(key)' in the library"))
                continue
            }
            let log = LibraryNode.ErrorLog()
            func parse(_ text: String) -> ParameterValue? {
                let node = LibraryNode(value: .string(text), file: "overlay", path: "$.\(key)", log: log)
                return ParameterReader.value(node, type: parameter.type, options: parameter.options)
            }
            switch change {
            case .always(let text):
                if let v = parse(text) {
                    let from = parameter.values.first?.from ?? library.plan.issued
                    parameter.values = [DatedValue(from: from, value: v)]
                }
            case .dated(let items):
                for (from, text) in items {
                    guard let v = parse(text) else { continue }
                    parameter.values.removeAll { $0.from == from }
                    parameter.values.append(DatedValue(from: from, value: v))
                }
                parameter.values.sort { $0.from < $1.from }
            }
            errors += log.errors
            library.parameters[key] = parameter
        }
        if !errors.isEmpty { throw PolicyLibraryErrors(errors: errors) }
        return library
    }
}
