/// Who reviews what (`departments.yaml`): the departments, which are required per instrument,
/// the green channel and the escalation target.
public struct ReviewRoster: Sendable {
    /// In the order of the data, which is the order the required steps are listed in.
    public var departments: [Department]
    /// Instrument id → department codes.
    public var required: [String: [String]]
    /// Departments not required for a zero-land project (no new land: no land review).
    public var notRequiredWhenZeroLand: Set<String>
    public var greenChannel: GreenChannel?
    /// The role steps at risk or breached are escalated to.
    public var escalateTo: Role

    public init(departments: [Department], required: [String: [String]], notRequiredWhenZeroLand: Set<String> = [],
                greenChannel: GreenChannel? = nil, escalateTo: Role = .cityOfficer) {
        self.departments = departments
        self.required = required
        self.notRequiredWhenZeroLand = notRequiredWhenZeroLand
        self.greenChannel = greenChannel
        self.escalateTo = escalateTo
    }

    public func department(_ code: String) -> Department? { departments.first { $0.code == code } }

    /// The departments that must give an opinion on an application for these instruments: the
    /// union of each instrument's, less the land review for a zero-land project, in roster order.
    public func requiredDepartments(for instrumentIDs: [String], zeroLand: Bool = false) -> [Department] {
        var codes = Set(instrumentIDs.flatMap { required[$0] ?? [] })
        if zeroLand { codes.subtract(notRequiredWhenZeroLand) }
        return departments.filter { codes.contains($0.code) }
    }

    /// The service-level target of a department's step, in working days: the green channel's
    /// for its department when the project qualifies, else the department's own.
    public func targetWorkingDays(for department: Department, greenChannel qualifies: Bool) -> Int {
        if qualifies, let channel = greenChannel, channel.department == department.code {
            return min(channel.workingDays, department.workingDays)
        }
        return department.workingDays
    }
}
