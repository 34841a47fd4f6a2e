import Policy

/// A position in one of the workflow's YAML files, for reading it with errors that name the file
/// and the path. Errors are collected in a shared log, not thrown, so that one load reports all.
struct WorkflowNode {
    let value: JSONValue
    let file: String
    let path: String
    let log: Log

    final class Log {
        var errors: [WorkflowLibraryError] = []
        func add(_ file: String, _ path: String, zh: String, en: String) {
            errors.append(WorkflowLibraryError(file: file, path: path, message: LocalizedText(zh: zh, en: en)))
        }
    }

    func error(zh: String, en: String) { log.add(file, path, zh: zh, en: en) }

    func child(_ key: String) -> WorkflowNode? {
        guard let v = value[key], v != .null else { return nil }
        return WorkflowNode(value: v, file: file, path: "\(path).\(key)", log: log)
    }

    func required(_ key: String) -> WorkflowNode? {
        guard let c = child(key) else { error(zh: "缺少“\(key)”", en: "missing '\(key)'"); return nil }
        return c
    }

    var elements: [WorkflowNode] {
        guard case .array(let items) = value else { error(zh: "应为列表", en: "expected a list"); return [] }
        return items.enumerated().map { WorkflowNode(value: $1, file: file, path: "\(path)[\($0)]", log: log) }
    }

    var members: [(String, WorkflowNode)] {
        guard case .object(let items) = value else { error(zh: "应为映射", en: "expected a mapping"); return [] }
        return items.map { ($0.key, WorkflowNode(value: $0.value, file: file, path: "\(path).\($0.key)", log: log)) }
    }

    var scalar: String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return String(b)
        default:
            error(zh: "应为单个值，实为\(value.kindName)", en: "expected a single value, found \(value.kindName)")
            return nil
        }
    }

    func string(_ key: String) -> String? { required(key)?.scalar }

    func text(_ key: String) -> LocalizedText? {
        guard let n = required(key), let zh = n.string("zh"), let en = n.string("en") else { return nil }
        return LocalizedText(zh: zh, en: en)
    }

    func integer(_ key: String) -> Int? {
        guard let n = required(key), let s = n.scalar else { return nil }
        guard let i = Int(s), i >= 0 else {
            n.error(zh: "应为非负整数：\(s)", en: "expected a non-negative whole number: \(s)")
            return nil
        }
        return i
    }

    var day: Day? {
        guard let s = scalar else { return nil }
        guard let d = Day(iso: s) else {
            error(zh: "不是有效日期（YYYY-MM-DD）：\(s)", en: "not a real date (YYYY-MM-DD): \(s)")
            return nil
        }
        return d
    }

    func stringList(_ key: String) -> [String] {
        required(key)?.elements.compactMap(\.scalar) ?? []
    }
}

extension JSONValue {
    var kindName: String {
        switch self {
        case .object: return "mapping"
        case .array: return "list"
        case .string: return "string"
        case .number: return "number"
        case .bool: return "boolean"
        case .null: return "null"
        }
    }
}
