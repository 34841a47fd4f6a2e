/// What the platform's libraries say, handed to the engine as one value: the innovative-product
/// catalogue (十七), the recognitions of the list library (十六) and the scenario tasks'
/// designations (十八). A library left nil is not consulted: the projects' declarations stand
/// for the conditions it would decide.
public struct LibrariesSnapshot: Sendable, Equatable {
    public var catalogue: CatalogueSnapshot?
    public var recognitions: RecognitionSnapshot?
    public var designations: DesignationSnapshot?

    public init(catalogue: CatalogueSnapshot? = nil, recognitions: RecognitionSnapshot? = nil, designations: DesignationSnapshot? = nil) {
        self.catalogue = catalogue
        self.recognitions = recognitions
        self.designations = designations
    }

    /// No library consulted: the engine behaves as it did before the libraries existed.
    public var isEmpty: Bool { catalogue == nil && recognitions == nil && designations == nil }
}

extension Engine {
    /// The engine consulting these libraries.
    public func consulting(_ libraries: LibrariesSnapshot) -> Engine {
        var e = self
        e.catalogue = libraries.catalogue
        e.recognitions = libraries.recognitions
        e.designations = libraries.designations
        return e
    }

    public var libraries: LibrariesSnapshot { LibrariesSnapshot(catalogue: catalogue, recognitions: recognitions, designations: designations) }

    /// Whether the libraries this engine consults could decide a project otherwise than its
    /// declarations. False means the engine without them gives the same result, which is what
    /// lets bulk paths (import, re-evaluation) keep the batch engine for every other project:
    /// a project that names no product, declares none of the categories or flags a library
    /// decides and has no designation fails those conditions either way.
    public func librariesMayDecide(_ project: Project) -> Bool {
        if libraries.isEmpty { return false }
        if catalogue != nil, !project.catalogueProductIds.isEmpty { return true }
        if recognitions != nil, project.innovativeProductContract?.productId != nil { return true }
        if let designations, !designations.entries.isEmpty { return true }
        let facts = ProjectFacts(project)
        for def in library.instruments {
            for c in def.conditions + def.unitConditions where c.isLibraryChecked {
                switch c.test {
                case .category(let id): if project.categories.contains(id) { return true }
                case .anyCategory(let ids): if ids.contains(where: project.categories.contains) { return true }
                case .flag(let f, let expected):
                    for i in 0..<facts.unitCount(f.unit) where facts.flag(f, unit: i) == expected { return true }
                default: return true  // a test this reasoning does not cover: ask the full engine
                }
            }
        }
        return false
    }
}

extension Project {
    /// The catalogue products the project's loans, leases and market contract name.
    public var catalogueProductIds: Set<String> {
        Set(loans.compactMap(\.catalogueProductId) + leases.compactMap(\.catalogueProductId) + [marketContract?.productId].compactMap { $0 })
    }

    /// The key of the recognised product its innovative-product contract names (十六).
    public var recognisedProductIds: Set<String> { Set([innovativeProductContract?.productId].compactMap { $0 }) }
}
