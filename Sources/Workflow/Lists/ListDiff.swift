/// What changed from one edition of a list to another, by entry key: added, removed, and
/// changed (with the columns that differ).
public struct ListDiff: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var key: String
        public var before: ListEntry
        public var after: ListEntry
        /// The columns that differ: common column names and field ids, in the file's order.
        public var columns: [String]
    }

    public var added: [ListEntry]
    public var removed: [ListEntry]
    public var changed: [Change]
    public var unchanged: Int

    public init(from old: [ListEntry], to new: [ListEntry], kind: ListKind) {
        let before = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let afterKeys = Set(new.map(\.key))
        added = new.filter { before[$0.key] == nil }
        removed = old.filter { !afterKeys.contains($0.key) }
        var changed: [Change] = []
        var same = 0
        for e in new {
            guard let b = before[e.key] else { continue }
            var columns: [String] = []
            if b.name != e.name { columns.append("name") }
            if b.enterprise != e.enterprise { columns.append("enterprise") }
            if b.creditCode != e.creditCode { columns.append("creditCode") }
            if b.district != e.district { columns.append("district") }
            if b.year != e.year { columns.append("year") }
            for f in kind.fields where b.fields[f.id] != e.fields[f.id] { columns.append(f.id) }
            if columns.isEmpty { same += 1 } else { changed.append(Change(key: e.key, before: b, after: e, columns: columns)) }
        }
        self.changed = changed
        unchanged = same
    }
}
