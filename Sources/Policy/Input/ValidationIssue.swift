/// One refused field: where it is (a JSON path such as `$.projects[0].loans[1].principal`) and
/// why, in both languages.
public struct ValidationIssue: Sendable, Equatable, Codable, CustomStringConvertible {
    public var path: String
    public var message: LocalizedText

    public init(path: String, zh: String, en: String) {
        self.path = path
        self.message = LocalizedText(zh: zh, en: en)
    }

    public var description: String { "\(path): \(message.en)" }
}

/// A project file that was refused, with every issue found.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    public var issues: [ValidationIssue]

    public init(issues: [ValidationIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
