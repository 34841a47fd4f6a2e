/// A syntax error as the reader reports it: at the path where the parser stopped, in both
/// languages, with the line and column for those who fix the file by hand.
extension JSONParser.SyntaxError {
    public var issue: ValidationIssue {
        if let zh {
            return ValidationIssue(path: path, zh: "JSON \(zh)（第 \(line) 行第 \(column) 列）",
                                   en: "JSON \(message) at line \(line), column \(column)")
        }
        return ValidationIssue(path: path, zh: "JSON 格式错误（第 \(line) 行第 \(column) 列）：\(message)",
                               en: "malformed JSON at line \(line), column \(column): \(message)")
    }
}
