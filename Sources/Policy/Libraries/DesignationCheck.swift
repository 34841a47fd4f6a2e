/// A condition's check against the designations of scenario tasks (十八), declared in the
/// instrument's YAML:
///
///     designation: designated     # the project is a designated benchmark demonstration project
///     designation: field          # … of a task in one of the condition's categories (fields)
///
/// With a designations snapshot the designations decide, not the project's categories; without
/// one the condition's own test stands.
public enum DesignationCheck: String, Sendable, Hashable, CaseIterable {
    case designated
    case field
}

/// The task a designation condition relied on, cited in the plan.
public struct DesignationCitation: Sendable, Codable, Equatable {
    public var taskId: String
    public var taskTitle: String
    public var batch: String
    public var field: String
    public var designatedOn: Day
    /// Whether the designation names this project (else it names none, and confirms the
    /// project's own declaration).
    public var namesProject: Bool

    public init(_ e: DesignationEntry) {
        taskId = e.taskId
        taskTitle = e.taskTitle
        batch = e.batch
        field = e.field
        designatedOn = e.designatedOn
        namesProject = e.projectCode != nil
    }
}
