import Policy
import Registry

/// The body of a status change, `{"status": "filed", "note": "…"}`, with every problem by path.
enum StatusChangeReader {
    static func read(_ value: JSONValue) -> Result<(status: ProjectStatus, note: String?), ValidationFailure> {
        guard case .object(let members) = value else {
            return .failure(ValidationFailure(issues: [ValidationIssue(path: "$", zh: "应为对象", en: "expected an object")]))
        }
        var issues: [ValidationIssue] = []
        var status: ProjectStatus?
        var note: String?
        var sawStatus = false
        for (key, member) in members {
            switch (key, member) {
            case ("status", .string(let s)):
                sawStatus = true
                status = ProjectStatus(rawValue: s)
                if status == nil {
                    let known = ProjectStatus.allCases.map(\.rawValue).joined(separator: ", ")
                    issues.append(ValidationIssue(path: "$.status", zh: "未知的状态：\(s)（可用：\(known)）", en: "unknown status: \(s) (one of \(known))"))
                }
            case ("status", _):
                sawStatus = true
                issues.append(ValidationIssue(path: "$.status", zh: "应为文本", en: "expected a string"))
            case ("note", .string(let s)):
                // The limit and the characters refused are TextKind.note's, as the contract's Note.
                if let problem = TextKind.note.problem(in: s) {
                    issues.append(ValidationIssue(path: "$.note", zh: problem.zh, en: problem.en))
                } else { note = s }
            case ("note", .null): break
            case ("note", _):
                issues.append(ValidationIssue(path: "$.note", zh: "应为文本", en: "expected a string"))
            default:
                issues.append(ValidationIssue(path: "$.\(key)", zh: "未知字段（允许：note, status）", en: "unknown field (allowed: note, status)"))
            }
        }
        if !sawStatus { issues.append(ValidationIssue(path: "$.status", zh: "缺少必填字段", en: "required field is missing")) }
        if let status, issues.isEmpty { return .success((status, note)) }
        return .failure(ValidationFailure(issues: issues))
    }
}
