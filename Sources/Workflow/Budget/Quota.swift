import Policy

/// A yearly number of supported cases the plan names (about 10 new-material certifications
/// under (五); 30 first sets, 15 first versions, 10 first batches under (十六)), read from the
/// policy library's `workflow/quotas.yaml`. A quota counts the approvals of its year that grant
/// money under `instrument` to a project carrying `category` (any project, without one).
public struct Quota: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var instrument: String
    public var category: String?
    public var perYear: Int
    public var source: LocalizedText?

    public init(id: String, name: LocalizedText, instrument: String, category: String?, perYear: Int, source: LocalizedText? = nil) {
        self.id = id
        self.name = name
        self.instrument = instrument
        self.category = category
        self.perYear = perYear
        self.source = source
    }

    /// Whether an approval granting `granted` to a project of `categories` counts under this quota.
    public func counts(granted: [String: Money], categories: Set<String>) -> Bool {
        guard let amount = granted[instrument], amount > .zero else { return false }
        return category.map(categories.contains) ?? true
    }
}
