import Foundation
import Policy
import Spreadsheet

// A row: its cells turned into one project file, every issue at its cell.
extension RowConverter {
    /// The row's project, or why it is refused; nil for a row with no value at all.
    func convert(_ raw: RawRow) -> Result<ImportedRow, RowFailure>? {
        var row = RowState(cells: raw.cells)
        guard !row.isBlank else { return nil }
        if let bad = raw.badEncodingColumn {
            row.flag(bad, header.issue(header.columns[safe: bad] ?? nil, LocalizedText(
                zh: "不是 UTF-8 文本；请把文件另存为“CSV UTF-8（逗号分隔）”或 .xlsx",
                en: "not UTF-8 text; save the file as \"CSV UTF-8 (comma delimited)\" or as .xlsx")))
        }
        if raw.cells.count > header.columns.count {
            for i in header.columns.count..<raw.cells.count where !row.text(i).isEmpty { row.unnamedValue(i) }
        }
        for i in unnamed where !row.text(i).isEmpty { row.unnamedValue(i) }

        var enterprise: [(key: String, value: JSONValue)] = []
        enterprise.reserveCapacity(4)
        for slot in enterpriseSlots { if let v = value(slot, &row) { enterprise.append((slot.key, v)) } }
        var project: [(key: String, value: JSONValue)] = []
        project.reserveCapacity(16)
        for slot in projectSlots { if let v = value(slot, &row) { project.append((slot.key, v)) } }
        var investment: [(key: String, value: JSONValue)] = []
        for slot in investmentSlots { if let v = value(slot, &row) { investment.append((slot.key, v)) } }
        if !investment.isEmpty { project.append(("investment", .object(investment))) }
        for (k, slots) in contractSlots.enumerated() where !slots.isEmpty {
            var members: [(key: String, value: JSONValue)] = []
            for slot in slots { if let v = value(slot, &row) { members.append((slot.key, v)) } }
            if !members.isEmpty { project.append((Self.contractKeys[k], .object(members))) }
        }
        var context = GroupNumbers()
        context.loans = groups(loans, &row, into: &project)
        context.leases = groups(leases, &row, into: &project)
        context.items = groups(items, &row, into: &project)
        context.certs = groups(certs, &row, into: &project)

        let file = JSONValue.object([("enterprise", .object(enterprise)), ("projects", .array([.object(project)]))])
        switch ProjectFileReader.read(file, vocabulary: vocabulary) {
        case .success(let read):
            if row.issues.isEmpty {
                return .success(ImportedRow(row: raw.number, enterprise: read.enterprise, project: read.projects[0]))
            }
        case .failure(let failure):
            for issue in failure.issues {
                let column = Self.column(for: issue.path, context)
                // A value this layer refused was left out; the reader's "missing" is not news.
                if let column, let i = header.index(of: column), row.flagged.contains(i) { continue }
                row.issues.append(header.issue(column, issue.message, path: issue.path))
            }
        }
        let issues = row.issues.enumerated().sorted {
            ($0.element.columnIndex ?? Int.max, $0.offset) < ($1.element.columnIndex ?? Int.max, $1.offset)
        }.map(\.element)
        let projectId = projectIdIndex.map { row.text($0) }.flatMap { $0.isEmpty ? nil : $0 }
        return .failure(RowFailure(row: raw.number, projectId: projectId, issues: issues))
    }

    /// The present groups of one kind, appended to the project as an array; returns their
    /// numbers in array order.
    func groups<F: TabularGroupField>(_ layouts: [GroupLayout<F>], _ row: inout RowState,
                                      into project: inout [(key: String, value: JSONValue)]) -> [Int] {
        var elements: [JSONValue] = []
        var numbers: [Int] = []
        for g in layouts {
            // Absent when every cell is empty or a boolean that says no.
            var present = false
            for slot in g.slots {
                let text = row.text(slot.index)
                if text.isEmpty || (slot.kind == .boolean && Self.boolean(text) == false) { continue }
                present = true
                break
            }
            if !present { present = g.interestSlots.contains { !row.text($0.index).isEmpty } }
            guard present else { continue }
            var members: [(key: String, value: JSONValue)] = []
            members.reserveCapacity(g.slots.count + 1)
            for slot in g.slots { if let v = value(slot, &row) { members.append((slot.key, v)) } }
            var interest: [(key: String, value: JSONValue)] = []
            for slot in g.interestSlots { if let v = value(slot, &row) { interest.append((slot.key, v)) } }
            if !interest.isEmpty { members.append(("interestPaid", .object(interest))) }
            elements.append(.object(members))
            numbers.append(g.number)
        }
        if !elements.isEmpty { project.append((F.jsonArray, .array(elements))) }
        return numbers
    }
}
