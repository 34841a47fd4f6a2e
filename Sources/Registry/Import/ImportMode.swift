/// What an import does with a row whose project (the same project id of the same enterprise,
/// by credit code) is already stored.
public enum ImportMode: String, Sendable, CaseIterable {
    /// Refuse the row (the default): an import never overwrites in silence. Every such row is
    /// listed and nothing of the file is stored.
    case create
    /// Replace the project, keeping what it was as an earlier version and reporting per project
    /// what changed and its recommended total before and after.
    case replace
}
