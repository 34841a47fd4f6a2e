/// A position in a policy-library YAML file, for reading it with errors that name the file and
/// the path. Errors are collected, not thrown, so an administrator sees all of them at once.
struct LibraryNode {
    let value: JSONValue
    let file: String
    let path: String
    let log: ErrorLog

    final class ErrorLog {
        var errors: [PolicyLibraryError] = []
    }

    func error(_ message: String) {
        log.errors.append(PolicyLibraryError(file: file, path: path, message: message))
    }

    func child(_ key: String) -> LibraryNode? {
        guard let v = value[key], v != .null else { return nil }
        return LibraryNode(value: v, file: file, path: "\(path).\(key)", log: log)
    }

    func required(_ key: String) -> LibraryNode? {
        guard let c = child(key) else { error("missing '\(key)'"); return nil }
        return c
    }

    var elements: [LibraryNode] {
        guard case .array(let items) = value else { error("expected a list"); return [] }
        return items.enumerated().map { LibraryNode(value: $1, file: file, path: "\(path)[\($0)]", log: log) }
    }

    var members: [(String, LibraryNode)] {
        guard case .object(let items) = value else { error("expected a mapping"); return [] }
        return items.map { ($0.key, LibraryNode(value: $0.value, file: file, path: "\(path).\($0.key)", log: log)) }
    }

    /// The scalar's text (strings and numbers alike), or nil with an error.
    var scalar: String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return String(b)
        default: error("expected a single value, found \(value.kindName)"); return nil
        }
    }

    func string(_ key: String) -> String? { required(key)?.scalar }
    func optionalString(_ key: String) -> String? { child(key)?.scalar }

    var localized: LocalizedText? {
        guard let zh = required("zh")?.scalar, let en = required("en")?.scalar else { return nil }
        return LocalizedText(zh: zh, en: en)
    }

    func text(_ key: String) -> LocalizedText? { required(key)?.localized }

    var bool: Bool? {
        guard case .bool(let b) = value else { error("expected true or false"); return nil }
        return b
    }

    var day: Day? {
        guard let s = scalar else { return nil }
        guard let d = Day(iso: s) else { error("not a date YYYY-MM-DD: \(s)"); return nil }
        return d
    }

    func stringList(_ key: String) -> [String] {
        child(key)?.elements.compactMap(\.scalar) ?? []
    }
}
