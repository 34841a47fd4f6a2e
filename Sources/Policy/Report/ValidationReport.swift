/// A refused project file, as a user reads it: one line per problem, path first.
public enum ValidationReport {
    public static func render(_ failure: ValidationFailure, language: Language) -> String {
        let head = language == .zh
            ? "输入未通过校验，共 \(failure.issues.count) 处问题，未生成支持方案：\n"
            : "The input was refused (\(failure.issues.count) problem\(failure.issues.count == 1 ? "" : "s")); no plan was produced:\n"
        return head + failure.issues.map { "  \($0.path): \($0.message.text(language))\n" }.joined()
    }
}
