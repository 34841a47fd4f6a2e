/// The words a project file may use that belong to the policy, not to the code: Shanghai's
/// districts and the categories and designations a project can carry. Both live in the policy
/// library so an officer can add a category without a release.
public struct Vocabulary: Sendable {
    public var districts: [District]
    public var categories: [String: Category]
    /// Administrative division codes accepted in the national project code (the city and its
    /// districts).
    public var divisionCodes: Set<String>
    /// "The project is not designated: …" for each category, written once.
    let notDesignated: [String: LocalizedText]
    /// The smart-factory questionnaire's question ids with their option ids, and the
    /// second-hand grades: what a project's `planChecks` may answer (empty: none accepted).
    public var smartFactoryOptions: [String: Set<String>] = [:]
    public var secondHandGrades: Set<String> = []

    public init(districts: [District], categories: [Category], cityDivisionCode: String) {
        self.districts = districts
        self.categories = Dictionary(categories.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.divisionCodes = Set(districts.map(\.code) + [cityDivisionCode])
        self.notDesignated = self.categories.mapValues { Self.notDesignated([$0.name]) }
    }

    static func notDesignated(_ names: [LocalizedText]) -> LocalizedText {
        LocalizedText(zh: "项目未列为：\(names.map(\.zh).joined(separator: "或"))",
                      en: "the project is not designated: \(names.map(\.en).joined(separator: " or "))")
    }

    /// The district named by its id (`pudong`), Chinese name (`浦东新区`), English name
    /// (`Pudong New Area`) or division code (`310115`).
    public func district(named name: String) -> District? {
        let key = name.trimmingSpaces.lowercased()
        return districts.first {
            $0.id == key || $0.code == key || $0.name.zh == name.trimmingSpaces || $0.name.en.lowercased() == key
        }
    }
}

public struct District: Sendable, Hashable, Codable {
    public var id: String
    public var code: String
    public var name: LocalizedText
}

public struct Category: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedText
    /// The clause the category comes from, e.g. `七`.
    public var clause: String?
}
