import Policy

/// A kind of list the plan keeps (`workflow/lists.yaml`): the iconic equipment of (一), the supply
/// lists of (三)(四), the recognitions of (二)(十二)(十三)(十六) … Each is published in editions.
public struct ListKind: Sendable, Equatable {
    public var id: String
    public var name: LocalizedText
    /// The clause it rests on (a key of clauses.yaml).
    public var clause: String
    /// The kind's own columns, after the common ones.
    public var fields: [ListField]
    /// Common columns that must be filled for this kind (`enterprise`, `creditCode`, `district`, `year`).
    public var required: Set<ListColumn>
    /// The dashboard measures the list feeds.
    public var counts: [ListCount]
    /// The instrument whose designation the list recognises, if any.
    public var drives: String?

    public init(id: String, name: LocalizedText, clause: String, fields: [ListField], required: Set<ListColumn> = [],
                counts: [ListCount] = [], drives: String? = nil) {
        self.id = id
        self.name = name
        self.clause = clause
        self.fields = fields
        self.required = required
        self.counts = counts
        self.drives = drives
    }
}

/// One of a kind's own columns: free text.
public struct ListField: Sendable, Equatable {
    public var id: String
    public var label: LocalizedText
    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }
}

/// The columns every list has, in the order of a file.
public enum ListColumn: String, Sendable, CaseIterable {
    case key, name, enterprise, creditCode, district, year

    public var label: LocalizedText {
        switch self {
        case .key: LocalizedText(zh: "编号", en: "key")
        case .name: LocalizedText(zh: "名称", en: "name")
        case .enterprise: LocalizedText(zh: "企业名称", en: "enterprise")
        case .creditCode: LocalizedText(zh: "统一社会信用代码", en: "credit code")
        case .district: LocalizedText(zh: "区", en: "district")
        case .year: LocalizedText(zh: "年度", en: "year")
        }
    }
}

/// A measure of targets.yaml a list feeds: its latest edition's entries at each quarter's end
/// (`perYear`: only the entries of that quarter's year).
public struct ListCount: Sendable, Equatable {
    public var target: String
    public var measure: String
    public var perYear: Bool
    public init(target: String, measure: String, perYear: Bool) {
        self.target = target
        self.measure = measure
        self.perYear = perYear
    }
}

/// Every kind of list, in the file's order.
public struct ListKinds: Sendable, Equatable {
    public var kinds: [ListKind]
    public init(kinds: [ListKind]) { self.kinds = kinds }

    public func kind(_ id: String) -> ListKind? { kinds.first { $0.id == id } }

    /// The list feeding a measure, if one does.
    public func feeding(measure: String) -> (kind: ListKind, count: ListCount)? {
        for k in kinds { if let c = k.counts.first(where: { $0.measure == measure }) { return (k, c) } }
        return nil
    }

    public var fedMeasures: Set<String> { Set(kinds.flatMap { $0.counts.map(\.measure) }) }
}
