/// A benchmark demonstration project designated from an application-scenario task (十八): the
/// task (its id, title, batch and field) and the enterprise designated, with the project when the
/// designation names one.
public struct DesignationEntry: Sendable, Equatable, Codable {
    public var taskId: String
    public var taskTitle: String
    public var batch: String
    /// The task's field (`workflow/scenarios.yaml`) and the project category it stands for.
    public var field: String
    public var fieldCategory: String?
    public var creditCode: String
    /// The designated project's own id (the project file's `id`); nil: the designation names none.
    public var projectCode: String?
    public var designatedOn: Day

    public init(taskId: String, taskTitle: String, batch: String, field: String, fieldCategory: String?,
                creditCode: String, projectCode: String?, designatedOn: Day) {
        self.taskId = taskId
        self.taskTitle = taskTitle
        self.batch = batch
        self.field = field
        self.fieldCategory = fieldCategory
        self.creditCode = creditCode
        self.projectCode = projectCode
        self.designatedOn = designatedOn
    }
}

/// The designations as the engine sees them, for one enterprise: a value handed in, never a query.
public struct DesignationSnapshot: Sendable, Equatable {
    public let entries: [DesignationEntry]

    public init(entries: [DesignationEntry]) {
        self.entries = entries.sorted { ($0.designatedOn, $0.taskId) < ($1.designatedOn, $1.taskId) }
    }

    /// The designations of one enterprise (the engine evaluates one enterprise's projects).
    public func of(enterprise creditCode: String) -> DesignationSnapshot {
        DesignationSnapshot(entries: entries.filter { $0.creditCode == creditCode })
    }

    /// The designations that may concern a project: those naming it, and those naming no project
    /// (which confirm what the project declares, see `ConditionEvaluator+Designation`).
    public func concerning(projectCode: String) -> (named: [DesignationEntry], unnamed: [DesignationEntry]) {
        (entries.filter { $0.projectCode == projectCode }, entries.filter { $0.projectCode == nil })
    }
}
