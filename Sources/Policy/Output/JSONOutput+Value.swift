extension JSONOutput {
    /// A parsed or built JSON tree (e.g. `ProjectFileWriter`'s), members in their order.
    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let n): number(literal: n)
        case .string(let s): string(s)
        case .array(let items):
            beginArray()
            for item in items { value(item) }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                key(dynamic: member.key)
                value(member.value)
            }
            endObject()
        }
    }
}
