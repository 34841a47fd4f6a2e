/// The kinds of free text the platform takes — in a project file, an enterprise, a list, a status
/// note — each with its length limit and the characters it refuses. Declared here once: the
/// reader checks them, the API's handlers check them for the fields the reader does not see, and
/// a test holds the contract (`openapi.yaml`) and `Schemas/project-file.schema.json` to the same
/// limits and characters.
public enum TextKind: String, Sendable, CaseIterable {
    /// Ids given by the enterprise: a project's, a loan's, a lease's, a product's.
    case identifier
    /// Names: an enterprise's, a project's, an item of equipment's, a lender's, a list's title, a recipient.
    case name
    /// Short words looked up in the library or kept as a key: a district, a category, a list's batch number.
    case code
    /// Notes: with a status change, with a list version. May span lines.
    case note

    /// The most Unicode scalars (JSON Schema's `maxLength` counts the same way), before trimming.
    public var maxLength: Int {
        switch self {
        case .identifier, .code: 64
        case .name: 200
        case .note: 2000
        }
    }

    /// The component of the contract that declares this kind (`#/components/schemas/…`).
    public var contractSchema: String {
        switch self {
        case .identifier: "Identifier"
        case .name: "Name"
        case .code: "Code"
        case .note: "Note"
        }
    }

    public var singleLine: Bool { self != .note }

    /// Why the text is refused, or nil. Lengths are counted in Unicode scalars, as JSON Schema does.
    public func problem(in text: String) -> LocalizedText? {
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if let name = Self.refusedCharacter(scalar, singleLine: singleLine) {
                var hex = String(scalar.value, radix: 16, uppercase: true)
                while hex.count < 4 { hex = "0" + hex }
                let code = "U+" + hex
                return LocalizedText(zh: "不能包含控制字符 \(code)（\(name.zh)，第 \(count) 个字符）",
                                     en: "must not contain the control character \(code) (\(name.en), character \(count))")
            }
        }
        if count > maxLength {
            return LocalizedText(zh: "长度超过上限：最多 \(maxLength) 个字符，实为 \(count) 个",
                                 en: "too long: at most \(maxLength) characters, found \(count)")
        }
        return nil
    }

    /// Characters that corrupt what is stored or shown: C0 and C1 controls and DEL (a NUL cuts the
    /// text in C libraries and in PostgreSQL), the line and paragraph separators that break a
    /// single line (and JavaScript before ES2019), the bidirectional overrides and isolates that
    /// make a name read differently from its bytes, and a stray byte-order mark. A note may hold
    /// tabs and line breaks, nothing else of these.
    static func refusedCharacter(_ s: Unicode.Scalar, singleLine: Bool) -> LocalizedText? {
        switch s.value {
        case 0x09, 0x0A, 0x0D:
            return singleLine ? LocalizedText(zh: s.value == 0x09 ? "制表符" : "换行符", en: s.value == 0x09 ? "tab" : "line break") : nil
        case 0x00: return LocalizedText(zh: "空字符", en: "NUL")
        case 0x01...0x1F, 0x7F: return LocalizedText(zh: "C0 控制字符", en: "C0 control")
        case 0x80...0x9F: return LocalizedText(zh: "C1 控制字符", en: "C1 control")
        case 0x2028, 0x2029: return singleLine ? LocalizedText(zh: "行或段落分隔符", en: "line or paragraph separator") : nil
        case 0x202A...0x202E, 0x2066...0x2069: return LocalizedText(zh: "双向文本控制符", en: "bidirectional control")
        case 0xFEFF: return LocalizedText(zh: "字节顺序标记", en: "byte-order mark")
        default: return nil
        }
    }

    /// The characters refused, as a JSON Schema / ECMAScript character-class body, for the
    /// contract's patterns (a test compares the contract with this).
    public var refusedClass: String {
        singleLine
            ? "\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff"
            : "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069\\ufeff"
    }

    /// The pattern the contract gives this kind: no refused character, and (single-line kinds)
    /// at least one character that is not a space.
    public var pattern: String {
        singleLine ? "^[^\(refusedClass)]*[^\(refusedClass) ][^\(refusedClass)]*$" : "^[^\(refusedClass)]*$"
    }
}
