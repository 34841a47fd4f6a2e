import Foundation

/// One field of a project that a replacement changed, named by its place in the project file:
/// `name`, `investment.declared`, `loans[L-1]` (a whole loan added or removed),
/// `loans[L-1].principal`, `equipment[数控机床]`, `loans[L-1].interestPaid.2024`. Loans and leases
/// are told apart by their id, equipment by its name, certifications by product and kind, so a
/// removed loan reads as removed, not as every later loan shifted.
public struct FieldChange: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case added, removed, changed }
    public var path: String
    public var kind: Kind
    /// The value as the project file writes it (a text without quotes; a loan as compact JSON).
    public var before: String?
    public var after: String?

    public init(path: String, kind: Kind, before: String?, after: String?) {
        self.path = path
        self.kind = kind
        self.before = before
        self.after = after
    }

    /// `改 investment.declared：12500000.00 → 1000000.00`, `删 loans[L-1]`.
    public func text(zh: Bool) -> String {
        switch kind {
        case .added: return (zh ? "增 " : "added ") + path + (after.map { (zh ? "：" : ": ") + Self.short($0) } ?? "")
        case .removed: return (zh ? "删 " : "removed ") + path + (before.map { (zh ? "：" : ": ") + Self.short($0) } ?? "")
        case .changed: return (zh ? "改 " : "changed ") + path + (zh ? "：" : ": ") + Self.short(before ?? "") + " → " + Self.short(after ?? "")
        }
    }

    static func short(_ s: String) -> String { s.count > 80 ? String(s.prefix(77)) + "…" : s }
}

extension [FieldChange] {
    /// As stored in `import_changes.changes`.
    func encoded() -> String {
        (try? String(decoding: JSONEncoder().encode(self), as: UTF8.self)) ?? "[]"
    }

    static func decoded(_ text: String) -> [FieldChange] {
        (try? JSONDecoder().decode([FieldChange].self, from: Data(text.utf8))) ?? []
    }
}
