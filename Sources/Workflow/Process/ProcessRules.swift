import Foundation

/// The timings and rates of the process (`process.yaml`).
public struct ProcessRules: Sendable, Hashable {
    /// How a deferral period is counted.
    public enum DayCount: String, Sendable, Hashable, Codable {
        /// 自然日; a period ending on a non-working day ends on the next working day.
        case calendar
        /// 工作日.
        case working
    }

    public struct Deferral: Sendable, Hashable {
        public var clause: String
        public var dueDays: Int
        public var counted: DayCount
        /// Calendar days before the due day on which a reminder goes out (0: on the due day).
        public var remindDaysBefore: [Int]

        public init(clause: String = "八", dueDays: Int, counted: DayCount, remindDaysBefore: [Int]) {
            self.clause = clause
            self.dueDays = dueDays
            self.counted = counted
            self.remindDaysBefore = remindDaysBefore
        }
    }

    public struct ServiceLevel: Sendable, Hashable {
        public var clause: String
        /// A step is at risk when this many working days or fewer are left.
        public var atRiskWorkingDaysLeft: Int

        public init(clause: String = "九", atRiskWorkingDaysLeft: Int) {
            self.clause = clause
            self.atRiskWorkingDaysLeft = atRiskWorkingDaysLeft
        }
    }

    public struct CommitmentFiling: Sendable, Hashable {
        public var clause: String
        /// The share of filings verified afterwards, between 0 and 1.
        public var sampleRate: Decimal
        /// The project must carry all of these categories…
        public var categories: Set<String>
        /// …and be zero-land when this is true.
        public var zeroLand: Bool
        /// The materials item of the signed commitment.
        public var commitmentItem: String

        public init(clause: String = "八", sampleRate: Decimal, categories: Set<String>, zeroLand: Bool, commitmentItem: String) {
            self.clause = clause
            self.sampleRate = sampleRate
            self.categories = categories
            self.zeroLand = zeroLand
            self.commitmentItem = commitmentItem
        }

        /// Whether a project may file on commitment (承诺备案): a zero-land technical-renovation
        /// project. `zeroLand` is the project format's flag; `categories` its categories.
        public func qualifies(categories projectCategories: Set<String>, zeroLand projectZeroLand: Bool) -> Bool {
            categories.isSubset(of: projectCategories) && (!zeroLand || projectZeroLand)
        }
    }

    public var deferral: Deferral
    public var serviceLevel: ServiceLevel
    public var commitmentFiling: CommitmentFiling

    public init(deferral: Deferral, serviceLevel: ServiceLevel, commitmentFiling: CommitmentFiling) {
        self.deferral = deferral
        self.serviceLevel = serviceLevel
        self.commitmentFiling = commitmentFiling
    }
}
