import Policy

/// What differs between two versions of a project, field by field, read from their project
/// files (`ProjectFileWriter`): every field of the format is declared once, there, and the
/// comparison follows it without a list of its own.
public enum ProjectChanges {
    /// At most this many changes a project (a replacement that rewrites a thousand equipment
    /// items is told by its first changes and the count of the others).
    public static let limit = 200

    public static func between(_ old: Project, _ new: Project) -> [FieldChange] {
        var out: [FieldChange] = []
        compare(ProjectFileWriter.project(old), ProjectFileWriter.project(new), path: "", into: &out)
        if out.count > limit {
            let more = out.count - limit
            out = Array(out.prefix(limit))
            out.append(FieldChange(path: "…", kind: .changed, before: nil, after: "\(more) more"))
        }
        return out
    }

    /// The key that tells the elements of a list apart.
    static func identity(_ list: String, _ element: JSONValue) -> String? {
        func text(_ key: String) -> String? { if case .string(let s)? = element[key] { return s }; return nil }
        switch list {
        case "loans", "leases": return text("id")
        case "equipment": return text("name")
        case "certifications": return text("productId").map { "\($0) \(text("kind") ?? "")" }
        default: return nil
        }
    }

    static func compare(_ a: JSONValue?, _ b: JSONValue?, path: String, into out: inout [FieldChange]) {
        if a == b { return }
        switch (a, b) {
        case let (.object(x)?, .object(y)?):
            var keys = x.map(\.key)
            for k in y.map(\.key) where !keys.contains(k) { keys.append(k) }
            let old = JSONValue.object(x), new = JSONValue.object(y)
            // The writer leaves out an empty list: a project without leases reads as one whose
            // leases were each removed, not as "leases" removed.
            let lists: Set<String> = path.isEmpty ? ["loans", "leases", "equipment", "certifications"] : []
            for k in keys {
                let empty: JSONValue? = lists.contains(k) ? .array([]) : nil
                compare(old[k] ?? empty, new[k] ?? empty, path: path.isEmpty ? k : path + "." + k, into: &out)
            }
        case let (.array(x)?, .array(y)?) where !path.contains(".") && x.allSatisfy({ identity(path, $0) != nil }) && y.allSatisfy({ identity(path, $0) != nil }):
            let old = keyed(path, x), new = keyed(path, y)
            for (k, v) in old where !new.contains(where: { $0.0 == k }) {
                out.append(FieldChange(path: "\(path)[\(k)]", kind: .removed, before: render(v), after: nil))
            }
            for (k, v) in new {
                let elementPath = "\(path)[\(k)]"
                if let before = old.first(where: { $0.0 == k })?.1 {
                    compare(before, v, path: elementPath, into: &out)
                } else {
                    out.append(FieldChange(path: elementPath, kind: .added, before: nil, after: render(v)))
                }
            }
        case (nil, let v?): out.append(FieldChange(path: path, kind: .added, before: nil, after: render(v)))
        case (let v?, nil): out.append(FieldChange(path: path, kind: .removed, before: render(v), after: nil))
        default: out.append(FieldChange(path: path, kind: .changed, before: a.map(render), after: b.map(render)))
        }
    }

    /// The elements by identity, in order; a repeated identity gets `#2`, `#3`.
    static func keyed(_ list: String, _ elements: [JSONValue]) -> [(String, JSONValue)] {
        var seen: [String: Int] = [:]
        return elements.map { e in
            let id = identity(list, e) ?? ""
            seen[id, default: 0] += 1
            return (seen[id]! == 1 ? id : "\(id)#\(seen[id]!)", e)
        }
    }

    static func render(_ v: JSONValue) -> String {
        if case .string(let s) = v { return s }
        return v.serialized()
    }
}
