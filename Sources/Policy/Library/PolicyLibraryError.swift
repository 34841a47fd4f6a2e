/// A policy library that cannot be loaded: which file, where in it, and why. The platform refuses
/// to start on a library with any error rather than evaluate with a half-read policy.
public struct PolicyLibraryError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String { "\(file) \(path): \(message)" }
}

public struct PolicyLibraryErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [PolicyLibraryError]

    public init(errors: [PolicyLibraryError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
