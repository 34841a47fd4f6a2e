import Policy

/// Adds up one worker's share of a simulation: cost by instrument and year, by district and by
/// industry, beneficiaries, the contribution to the targets, and (when budget pools are given)
/// the payments that compete for them.
public struct SimulationSink: BatchSink {
    public static let firstYear = 2024
    public static let lastYear = 2030
    static var yearSlots: Int { lastYear - firstYear + 2 }   // the years, then "later"

    let instruments: Int
    let districts: Int
    let industries: Int
    let population: Population
    /// Instruments whose payments are kept for rationing (positions), empty when no pools.
    let pooled: Set<Int>

    /// cost[f * yearSlots + y], fen.
    var cost: [Int64]
    var byDistrict: [Int64]
    var byIndustry: [Int64]
    /// Projects whose recommended combination lists the instrument.
    var beneficiaries: [Int]
    var supportedProjects = 0
    var unstatedProjects = 0
    var notExhaustive = 0
    /// Declared investment and renewal equipment value of the projects supported, by application year.
    var supportedInvestment: [Int64]
    var renewalEquipment: [Int64]
    /// The targets' counted measures (targets.yaml `counted: {projects: …}`): which instrument
    /// position and category bit each counts, and its count by application year.
    let counters: [Counter]
    var counts: [[Int]]
    var payments: [Payment] = []

    public struct Payment: Sendable {
        public var project: Int32
        public var instrument: Int16
        public var year: Int16
        /// Priority under a priority condition (1), without it (0), or no such condition (-1).
        public var priority: Int8
        public var date: Int32
        public var amount: Int64
    }

    struct Counter: Sendable {
        /// Position of the instrument among the outcome's instruments.
        var instrument: Int
        /// The category the project must carry; nil for any project. A category the population
        /// has never seen matches nothing (`noCategory`).
        var categoryBit: UInt64?
        static let noCategory: UInt64 = 0
    }

    init(instruments: Int, population: Population, pooled: Set<Int>, counters: [Counter]) {
        self.instruments = instruments
        self.population = population
        districts = population.districtIds.count
        industries = population.industryCodes.count
        self.pooled = pooled
        cost = Array(repeating: 0, count: instruments * Self.yearSlots)
        byDistrict = Array(repeating: 0, count: districts * instruments)
        byIndustry = Array(repeating: 0, count: industries * instruments)
        beneficiaries = Array(repeating: 0, count: instruments)
        let years = Self.yearSlots
        supportedInvestment = Array(repeating: 0, count: years)
        renewalEquipment = Array(repeating: 0, count: years)
        self.counters = counters
        counts = Array(repeating: Array(repeating: 0, count: years), count: counters.count)
    }

    static func slot(_ year: Int) -> Int {
        year < firstYear ? 0 : min(year - firstYear, yearSlots - 1)
    }

    public mutating func record(_ o: borrowing ProjectOutcome) {
        let i = o.project
        let day = population.applicationDay(of: i)
        let date = day != 0 ? day : Int32(o.year * 10000 + 101)
        for k in 0..<o.paymentAmount.count {
            let f = o.paymentInstrument[k]
            cost[f * Self.yearSlots + Self.slot(o.paymentYear[k])] += o.paymentAmount[k]
            if pooled.contains(f) {
                payments.append(Payment(project: Int32(i), instrument: Int16(f), year: Int16(o.paymentYear[k]),
                                        priority: o.priority[f], date: date, amount: o.paymentAmount[k]))
            }
        }
        let district = Int(population.district[i]), industry = Int(population.industry[i])
        var any = false, unstated = false
        for f in 0..<o.cityCount where o.inCombination[f] {
            beneficiaries[f] += 1
            byDistrict[district * instruments + f] += o.recommended[f]
            byIndustry[industry * instruments + f] += o.recommended[f]
            if o.status[f] == .amountUnstated { unstated = true }
            any = true
        }
        if !o.exhaustive { notExhaustive += 1 }
        guard any else { return }
        supportedProjects += 1
        if unstated { unstatedProjects += 1 }
        let y = Self.slot(o.year)
        supportedInvestment[y] += population.declaredInvestment(of: i)
        renewalEquipment[y] += population.renewalEquipmentValue(of: i)
        for (c, counter) in counters.enumerated() where o.inCombination[counter.instrument] {
            if let bit = counter.categoryBit, population.categoryMask(of: i) & bit == 0 { continue }
            counts[c][y] += 1
        }
    }

    mutating func merge(_ other: SimulationSink) {
        for k in cost.indices { cost[k] += other.cost[k] }
        for k in byDistrict.indices { byDistrict[k] += other.byDistrict[k] }
        for k in byIndustry.indices { byIndustry[k] += other.byIndustry[k] }
        for k in beneficiaries.indices { beneficiaries[k] += other.beneficiaries[k] }
        for k in supportedInvestment.indices {
            supportedInvestment[k] += other.supportedInvestment[k]
            renewalEquipment[k] += other.renewalEquipment[k]
        }
        for c in counts.indices {
            for k in counts[c].indices { counts[c][k] += other.counts[c][k] }
        }
        supportedProjects += other.supportedProjects
        unstatedProjects += other.unstatedProjects
        notExhaustive += other.notExhaustive
        payments += other.payments
    }
}

