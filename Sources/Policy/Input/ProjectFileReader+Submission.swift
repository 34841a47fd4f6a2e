/// A project sent on its own with the credit code of the enterprise it belongs to (the API's
/// project registration): `{"creditCode": …, "project": {…}}`, read with the same checks as a
/// project file, every problem by its path.
extension ProjectFileReader {
    static let submissionFields: Set<String> = ["creditCode", "project"]

    public static func readSubmission(_ value: JSONValue, vocabulary: Vocabulary) -> Result<(creditCode: String, project: Project), ValidationFailure> {
        var reader = ProjectFileReader(vocabulary: vocabulary)
        guard let m = reader.object(value, at: "$", allowed: submissionFields) else { return .failure(ValidationFailure(issues: reader.issues)) }
        let code = reader.requiredString(m, "creditCode", .identifier, at: "$")
        if let code { reader.checkCreditCode(code, at: "$.creditCode") }
        var project: Project?
        if let p = m["project"], p != .null { project = reader.project(p, at: "$.project") } else { reader.missing("$.project") }
        if let code, let project, reader.issues.isEmpty { return .success((code, project)) }
        return .failure(ValidationFailure(issues: reader.issues))
    }
}
