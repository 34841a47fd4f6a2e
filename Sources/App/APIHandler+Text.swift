import Policy

/// The text the API takes outside a project file — a list's number, title and note, its
/// recipients, a status note, a search text — checked against the same `TextKind`s as the
/// reader's fields (length and control characters), by path.
extension APIHandler {
    /// Adds an issue at `path` when `text` is refused.
    func check(_ text: String?, _ kind: TextKind, at path: String, into issues: inout [ValidationIssue]) {
        guard let text, let problem = kind.problem(in: text) else { return }
        issues.append(ValidationIssue(path: path, zh: problem.zh, en: problem.en))
    }

    /// A query parameter's text, or 400 naming the parameter.
    func queryText(_ text: String?, _ kind: TextKind, name: String) throws -> String? {
        guard let text else { return nil }
        if let problem = kind.problem(in: text) {
            throw BadRequest("参数 \(name) \(problem.zh)", "parameter \(name) \(problem.en)", path: name)
        }
        return text
    }

    /// Throws every issue found, as 422.
    func refuse(_ issues: [ValidationIssue]) throws {
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
    }
}
