import Policy

/// The projects the flags compare, each with its enterprise: the registry's stored projects and
/// enterprises, a file of projects, or a generated population. A project appears once, by its
/// credit code and id (a later file's project replaces an earlier one with the same key).
public struct RiskPopulation: Sendable {
    public struct Entry: Sendable {
        public var enterprise: Enterprise
        public var project: Project
        public var ref: RiskProjectRef { RiskProjectRef(creditCode: enterprise.creditCode, projectId: project.id) }
    }

    public private(set) var entries: [Entry] = []
    private var index: [RiskProjectRef: Int] = [:]

    public init(_ files: [ProjectFile] = []) {
        for file in files { add(file) }
    }

    public mutating func add(_ file: ProjectFile) {
        for project in file.projects {
            let entry = Entry(enterprise: file.enterprise, project: project)
            if let i = index[entry.ref] { entries[i] = entry } else {
                index[entry.ref] = entries.count
                entries.append(entry)
            }
        }
    }

    public var count: Int { entries.count }
    public func contains(_ ref: RiskProjectRef) -> Bool { index[ref] != nil }
}
