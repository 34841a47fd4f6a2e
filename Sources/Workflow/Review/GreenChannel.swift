import Policy

/// Clause (八)'s green channel (绿色通道): the environmental step of a key-industry
/// technical-renovation project has a shorter service-level target.
public struct GreenChannel: Sendable, Hashable {
    public struct KeyIndustry: Sendable, Hashable {
        public var id: String
        public var name: LocalizedText
        /// Prefixes of GB/T 4754 industry codes, e.g. `C397`.
        public var industryPrefixes: [String]

        public init(id: String, name: LocalizedText, industryPrefixes: [String]) {
            self.id = id
            self.name = name
            self.industryPrefixes = industryPrefixes
        }
    }

    public var clause: String
    /// The department whose step is shortened.
    public var department: String
    public var workingDays: Int
    /// The project must carry all of these categories.
    public var categories: Set<String>
    public var keyIndustries: [KeyIndustry]

    public init(clause: String, department: String, workingDays: Int, categories: Set<String>, keyIndustries: [KeyIndustry]) {
        self.clause = clause
        self.department = department
        self.workingDays = workingDays
        self.categories = categories
        self.keyIndustries = keyIndustries
    }

    /// The key industry a project belongs to, if it qualifies for the green channel: it carries the
    /// required categories and its enterprise's industry code starts with a key industry's prefix.
    public func keyIndustry(categories projectCategories: Set<String>, industryCode: String) -> KeyIndustry? {
        guard categories.isSubset(of: projectCategories) else { return nil }
        let code = industryCode.uppercased()
        return keyIndustries.first { $0.industryPrefixes.contains { code.hasPrefix($0.uppercased()) } }
    }

    public func qualifies(categories projectCategories: Set<String>, industryCode: String) -> Bool {
        keyIndustry(categories: projectCategories, industryCode: industryCode) != nil
    }
}
