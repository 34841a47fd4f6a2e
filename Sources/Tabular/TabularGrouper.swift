import Policy

/// Groups rows into project files by credit code. A row whose enterprise columns disagree with
/// the first row of the same credit code, or whose project id that enterprise already has, is
/// refused.
public struct TabularGrouper: Sendable {
    let header: TabularHeader?
    var index: [String: Int] = [:]
    public private(set) var files: [ImportedFile] = []
    var projectRows: [[String: Int]] = []

    public init(header: TabularHeader? = nil) { self.header = header }

    /// Adds the row, or returns why it cannot be added.
    public mutating func add(_ row: ImportedRow) -> RowFailure? {
        guard let i = index[row.enterprise.creditCode] else {
            index[row.enterprise.creditCode] = files.count
            files.append(ImportedFile(file: ProjectFile(enterprise: row.enterprise, projects: [row.project]), rows: [row.row]))
            projectRows.append([row.project.id: row.row])
            return nil
        }
        let first = files[i].file.enterprise
        let firstRow = files[i].rows[0]
        var issues: [CellIssue] = []
        func compare(_ field: TabularField, _ a: String, _ b: String) {
            guard a != b else { return }
            issues.append(issue(field, LocalizedText(
                zh: "与同一统一社会信用代码的第 \(firstRow) 行不一致：第 \(firstRow) 行为“\(a)”，本行为“\(b)”",
                en: "differs from row \(firstRow) for the same credit code: \"\(a)\" in row \(firstRow), \"\(b)\" here")))
        }
        compare(.enterpriseName, first.name, row.enterprise.name)
        compare(.district, first.district, row.enterprise.district)
        compare(.industryCode, first.industryCode, row.enterprise.industryCode)
        if let other = projectRows[i][row.project.id] {
            issues.append(issue(.projectId, LocalizedText(
                zh: "该企业的项目编号 \(row.project.id) 已在第 \(other) 行出现", en: "project id \(row.project.id) of this enterprise is also in row \(other)")))
        }
        if !issues.isEmpty { return RowFailure(row: row.row, projectId: row.project.id, issues: issues) }
        files[i].file.projects.append(row.project)
        files[i].rows.append(row.row)
        projectRows[i][row.project.id] = row.row
        return nil
    }

    func issue(_ field: TabularField, _ message: LocalizedText) -> CellIssue {
        header?.issue(.field(field), message) ?? CellIssue(column: field.rawValue, message: message)
    }
}
