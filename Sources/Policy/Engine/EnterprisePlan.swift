/// "One enterprise, one policy" (一企一策): every project of an enterprise evaluated, with the
/// recommended support summed per instrument and in total, city and national side by side.
public struct EnterprisePlan: Sendable, Codable, Equatable {
    public var enterprise: EnterpriseSummary
    public var projects: [ProjectEvaluation]
    /// Per city instrument: the recommended amount summed over projects.
    public var cityTotals: [InstrumentTotal]
    public var cityTotal: Money
    /// Per national instrument: its amounts summed over projects (each its own measure:
    /// interest discount, deduction, tariff saved, …), never added to the city's.
    public var nationalTotals: [InstrumentTotal]

    public struct EnterpriseSummary: Sendable, Codable, Equatable {
        public var creditCode: String
        public var name: String
        public var district: String
        public var districtName: LocalizedText?
        public var industryCode: String
    }

    public struct InstrumentTotal: Sendable, Codable, Equatable {
        public var id: String
        public var name: LocalizedText
        public var amount: Money
        public var projects: Int
        /// Some of the projects' amounts are not set by the text yet (reading 6): the amount
        /// counts only the others.
        public var includesUnstated: Bool
        public var measure: LocalizedText?
    }
}
