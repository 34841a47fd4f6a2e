import Policy

/// A problem in the workflow's policy data: which file, where in it, and what is wrong, in Chinese
/// and English. The platform refuses to start on workflow data with any problem, as it does on a
/// policy library with one.
public struct WorkflowLibraryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, relative to the workflow folder, e.g. `materials.yaml` or `calendars/2025.yaml`.
    public var file: String
    /// Where in the file, e.g. `$.items.loan-contract.kind`.
    public var path: String
    public var message: LocalizedText

    public init(file: String, path: String, message: LocalizedText) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String { "\(file) \(path): \(message.zh) / \(message.en)" }
}

/// Every problem found in one load, so an administrator sees all of them at once.
public struct WorkflowLibraryErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [WorkflowLibraryError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
