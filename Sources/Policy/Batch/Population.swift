/// Projects laid out for batch evaluation: one array per field ("struct of arrays"), contracts,
/// products and equipment items in flat arrays addressed by offsets, so that evaluating a
/// million projects walks memory in order and allocates nothing per project.
///
/// Built from validated `Project`s (`PopulationBuilder`) or generated directly; its fields
/// mirror the project format, and `ProjectFacts` is the reference for what each one means.
public struct Population: Sendable, Equatable {
    public internal(set) var count = 0

    // Per project. Amounts are fen; -1 stands for "not given".
    /// Bit i set: the project carries category i of `categoryIds`.
    var categories: [UInt64] = []
    var declared: [Int64] = []
    var approved: [Int64] = []
    var newInvestment: [Int64] = []
    var innovativeContract: [Int64] = []
    var marketContract: [Int64] = []
    var softwareSales: [Int64] = []
    /// Bit 0 zero-land, bit 1 import confirmation.
    var projectFlags: [UInt8] = []
    /// The plan's stated checks (十二)(十四)(十五) of the few projects that declare them, by
    /// project index: sparse, so a population without them carries nothing per project.
    var planChecks: [Int: PlanChecks] = [:]
    /// Packed yyyymmdd; 0 when not given.
    var applicationDate: [Int32] = []
    /// Index into `districtIds` and `industryCodes` (descriptive; the simulation groups by them).
    public internal(set) var district: [UInt16] = []
    public internal(set) var industry: [UInt16] = []
    /// Offsets: the project's loans are loanStart[i]..<loanStart[i+1]; likewise the others.
    var loanStart: [Int32] = [0]
    var leaseStart: [Int32] = [0]
    var productStart: [Int32] = [0]
    var itemStart: [Int32] = [0]

    // Per loan.
    var loanPrincipal: [Int64] = []
    /// Bit 0 catalogue product first on market, bit 1 relending-eligible.
    var loanFlags: [UInt8] = []
    /// Packed start (disbursement) and end dates; 0 when not given.
    var loanStartDate: [Int32] = []
    var loanEndDate: [Int32] = []
    /// Position of the loan's purpose in `LoanPurpose.allCases`.
    var loanPurpose: [UInt8] = []
    /// Interest years of loan k are interestStart[k]..<interestStart[k+1], in year order.
    var interestStart: [Int32] = [0]
    var interestYear: [Int16] = []
    var interestAmount: [Int64] = []

    // Per lease.
    var leaseInvestment: [Int64] = []
    /// Bit 0 innovative product.
    var leaseFlags: [UInt8] = []

    // Per product of (五): certification and testing contracts summed.
    var productAmount: [Int64] = []

    // Per equipment item.
    var itemUnitPrice: [Int64] = []
    var itemQuantity: [Int64] = []
    /// Packed purchase date, or the date put to use when not given; 0 when neither.
    var itemPurchased: [Int32] = []
    var itemInUse: [Int32] = []
    /// Bit 0 imported, bit 1 replaces old equipment, bit 2 on a non-exempt catalogue.
    var itemFlags: [UInt8] = []
    /// Tariff rate as numerator / 10^scale; scale -1 when not given.
    var itemTariffNumerator: [Int64] = []
    var itemTariffScale: [Int8] = []

    /// The category ids, in the order of their bits.
    public let categoryIds: [String]
    public internal(set) var districtIds: [String]
    public internal(set) var industryCodes: [String] = []
    /// Project ids, for reports and for joining results back.
    public internal(set) var projectIds: [String] = []

    public init(categoryIds: [String], districtIds: [String]) {
        self.categoryIds = categoryIds
        self.districtIds = districtIds
    }

    public func loanCount(of i: Int) -> Int { Int(loanStart[i + 1] - loanStart[i]) }
    public func leaseCount(of i: Int) -> Int { Int(leaseStart[i + 1] - leaseStart[i]) }

    /// The calendar year whose policy applies to project i (its application year, or the default).
    public func applicationYear(of i: Int, default day: Day) -> Int {
        applicationDate[i] == 0 ? day.year : Int(applicationDate[i] / 10000)
    }

    /// The categories of project i as bits in the order of `categoryIds`.
    public func categoryMask(of i: Int) -> UInt64 { categories[i] }

    /// Packed application date (yyyymmdd) of project i, 0 when not given.
    public func applicationDay(of i: Int) -> Int32 { applicationDate[i] }

    /// The declared investment of project i (fen), 0 when not given: the renewal target counts it.
    public func declaredInvestment(of i: Int) -> Int64 { max(declared[i], 0) }

    /// The value of equipment replacing old equipment in project i (fen).
    public func renewalEquipmentValue(of i: Int) -> Int64 {
        var v: Int64 = 0
        for k in Int(itemStart[i])..<Int(itemStart[i + 1]) where itemFlags[k] & 2 != 0 {
            v += itemUnitPrice[k] * itemQuantity[k]
        }
        return v
    }
}
