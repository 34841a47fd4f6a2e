import Policy

/// Generates a realistic population of enterprises and projects (`--synthetic N --seed S`):
/// investment spread over four orders of magnitude, technical renovation the most common kind,
/// loans with several years of interest, leases, equipment, the rarer designations (particularly
/// major, three firsts, benchmark demonstrations) at plausible rates. Amounts are built from
/// integers: nothing passes through floating point. Every project it makes passes validation.
public struct SyntheticProjects {
    var rng: SplitMix
    let districts: [String]
    public private(set) var made = 0
    /// Also give what the risk flags compare: each enterprise a legal representative, an address
    /// and a phone, each item of equipment a serial and an invoice number, each loan and lease a
    /// contract number — all distinct, and drawn from counters, not from the random sequence, so
    /// that the rest of the population is the same with or without them. Off by default: the
    /// registry's round trips of generated files predate these fields.
    public var identities = false

    public init(seed: UInt64, vocabulary: Vocabulary) {
        rng = SplitMix(seed: seed)
        districts = vocabulary.districts.map(\.id)
    }

    static let industries = ["C26", "C27", "C29", "C30", "C31", "C33", "C34", "C35", "C36", "C37", "C38", "C39", "C40"]
    /// Relative sizes of the districts' industry (Pudong and the outer districts dominate).
    static let districtWeights = [1, 1, 1, 1, 1, 1, 1, 8, 6, 8, 14, 5, 7, 4, 5, 2]

    /// The next enterprise with 1–3 projects.
    public mutating func nextFile() -> ProjectFile {
        let number = made
        let first17 = "91310" + String(100 + rng.int(0, 99)) + "MA" + Self.base31(UInt64(number), width: 7)
        let code = CreditCode.withCheckCharacter(first17)!
        let district = districts[rng.pick(Array(Self.districtWeights.prefix(districts.count)))]
        let enterprise = Enterprise(creditCode: code, name: "合成企业\(number)", district: district,
                                    industryCode: Self.industries[Int(rng.int(0, Int64(Self.industries.count - 1)))])
        let count = [1, 1, 1, 2, 2, 3][Int(rng.int(0, 5))]
        var projects: [Project] = []
        for _ in 0..<count {
            projects.append(nextProject(id: "S\(made)"))
            made += 1
        }
        var file = ProjectFile(enterprise: enterprise, projects: projects)
        if identities { Self.addIdentities(&file, number: number) }
        return file
    }

    static func addIdentities(_ file: inout ProjectFile, number: Int) {
        file.enterprise.legalRepresentative = "法人\(number)"
        file.enterprise.address = "上海市合成路\(number)号"
        file.enterprise.phone = "021-\(60_000_000 + number)"
        for p in file.projects.indices {
            let id = file.projects[p].id
            for k in file.projects[p].equipment.indices {
                file.projects[p].equipment[k].serialNumber = "SN-\(id)-\(k)"
                file.projects[p].equipment[k].invoiceNumber = "FP-\(id)-\(k)"
            }
            for k in file.projects[p].loans.indices { file.projects[p].loans[k].contractNumber = "DK-\(id)-\(k)" }
            for k in file.projects[p].leases.indices { file.projects[p].leases[k].contractNumber = "ZL-\(id)-\(k)" }
        }
    }

    static func base31(_ value: UInt64, width: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var v = value, out = ""
        for _ in 0..<width {
            out = String(alphabet[Int(v % 31)]) + out
            v /= 31
        }
        return out
    }

    /// Yuan in fen, spread log-uniformly-ish over bands.
    mutating func investment() -> Int64 {
        let bands: [(Int64, Int64, Int)] = [
            (1_000_000, 5_000_000, 25), (5_000_000, 20_000_000, 32), (20_000_000, 100_000_000, 28),
            (100_000_000, 500_000_000, 12), (500_000_000, 2_000_000_000, 3),
        ]
        let b = bands[rng.pick(bands.map(\.2))]
        return rng.int(b.0, b.1) * 100
    }

    mutating func nextProject(id: String) -> Project {
        var p = Project(id: id, name: "合成项目\(id)")
        let month = rng.int(0, 28) // 2024-06 .. 2026-10
        let year = 2024 + Int((5 + month) / 12), m = Int((5 + month) % 12) + 1
        p.applicationDate = Day(year: year, month: m, day: Int(rng.int(1, 28)))
        p.startDate = Day(year: year - Int(rng.int(0, 1)), month: Int(rng.int(1, 12)), day: 1)
        let declared = investment()
        p.investment.declared = Money(fen: declared)
        if rng.chance(60) { p.investment.approved = Money(fen: declared / 100 * rng.int(85, 100)) }

        let kind = rng.pick([46, 30, 5, 6, 3, 3, 4, 3])
        switch kind {
        case 0: p.categories = ["technical-renovation"]
            if rng.chance(40) { p.categories.insert("equipment-renewal") }
            if declared >= 50_000_000_000 && rng.chance(25) { p.categories.insert("particularly-major") }
        case 1: p.categories = ["equipment-renewal"]
            if rng.chance(30) { p.categories.insert("technical-renovation") }
        case 2: p.categories = ["energy-management-centre"]
        case 3:
            p.categories = [["first-set", "first-version", "first-batch"][Int(rng.int(0, 2))]]
            p.innovativeProductContract = ProductContract(productId: "CX-\(id)", amount: Money(fen: declared / 100 * rng.int(30, 120)))
            if rng.chance(25) { p.categories.insert("especially-innovative"); p.marketContract = ProductContract(amount: Money(fen: declared / 100 * rng.int(40, 150))) }
        case 4:
            p.categories = ["new-material-certification"]
            for k in 0..<Int(rng.int(1, 2)) {
                p.certifications.append(CertificationContract(productId: "NM-\(id)-\(k)", kind: .certification, amount: Money(fen: rng.int(200_000, 3_000_000) * 100)))
                if rng.chance(60) { p.certifications.append(CertificationContract(productId: "NM-\(id)-\(k)", kind: .testing, amount: Money(fen: rng.int(100_000, 1_500_000) * 100))) }
            }
        case 5:
            p.categories = [rng.chance(50) ? "basic-software-rd" : "industrial-software-rd"]
            p.investment.new = Money(fen: declared / 100 * rng.int(40, 90))
        case 6:
            p.categories = ["key-software-purchase"]
            p.softwareSales = ProductContract(productId: "SW-\(id)", amount: Money(fen: declared / 100 * rng.int(5, 30)))
            if rng.chance(40) { p.categories.insert("smart-factory-upgrade") }
        default:
            p.categories = ["benchmark-demonstration", ["scenario-ai", "scenario-5g-a", "scenario-industrial-internet", "scenario-commercial-aerospace", "scenario-low-altitude", "scenario-deep-sea"][Int(rng.int(0, 5))]]
        }
        if rng.chance(20) { p.categories.insert("national-candidate-list") }
        if rng.chance(6) { p.categories.insert("encouraged-import"); p.importConfirmation = rng.chance(70) }
        p.zeroLand = p.categories.contains("technical-renovation") && rng.chance(50)

        // Equipment: the renewal itself.
        for k in 0..<Int(rng.int(0, 4)) {
            let imported = rng.chance(12)
            p.equipment.append(EquipmentItem(
                name: "设备\(k)", quantity: Int(rng.int(1, 6)), unitPrice: Money(fen: rng.int(50_000, 8_000_000) * 100),
                purchased: Day(year: Int(rng.int(2023, 2026)), month: Int(rng.int(1, 12)), day: 15), putIntoUse: nil,
                replacesOld: rng.chance(70), imported: imported,
                // Some imported items are declared without their tariff rate.
                tariffRate: imported && rng.chance(85) ? Ratio(numerator: rng.int(3, 12), scale: 2) : nil,
                nonExemptCatalogue: imported && rng.chance(10)))
        }
        // Loans: mostly for renovation and renewal projects.
        let financed = p.categories.contains("technical-renovation") || p.categories.contains("equipment-renewal")
        if financed || rng.chance(10) {
            for k in 0..<[0, 1, 1, 2, 3][Int(rng.int(0, 4))] {
                let principal = declared / 100 * rng.int(20, 70)
                let rateBasisPoints = rng.int(250, 450)
                let startYear = Int(rng.int(2023, 2026))
                var interest: [YearAmount] = []
                for y in startYear...min(startYear + Int(rng.int(0, 4)), 2030) {
                    let amount = rng.chance(5) ? 0 : principal / 10_000 * rateBasisPoints * rng.int(60, 100) / 100
                    interest.append(YearAmount(year: y, amount: Money(fen: amount)))
                }
                let catalogue = rng.chance(22)
                // Start day and purpose follow from figures already drawn, so that the random
                // sequence (and every other field of the population) stays as it was: starts
                // spread over the year exercise N1's part years, a few loans its 2026 extension.
                let startDay = Day(year: startYear, month: Int(rateBasisPoints % 12) + 1, day: Int(rateBasisPoints / 12 % 28) + 1)!
                let mix = rateBasisPoints / 10 % 10
                let purpose: LoanPurpose = mix == 3 ? .fixedAsset : mix == 7 ? .technologyInnovation : .equipment
                p.loans.append(Loan(id: "L\(k + 1)", lender: "银行\(rng.int(1, 20))", principal: Money(fen: principal),
                                    rate: Ratio(numerator: rateBasisPoints, scale: 4), startDate: startDay,
                                    interestPaid: interest, catalogueProductId: catalogue ? "CX-\(id)-\(k)" : nil,
                                    firstOnMarket: catalogue && rng.chance(80), relendingEligible: rng.chance(35), purpose: purpose))
            }
        }
        if financed && rng.chance(25) {
            for k in 0..<Int(rng.int(1, 2)) {
                p.leases.append(Lease(id: "F\(k + 1)", lessor: "租赁\(rng.int(1, 9))",
                                      equipmentInvestment: Money(fen: declared / 100 * rng.int(10, 60)),
                                      innovativeProduct: rng.chance(30)))
            }
        }
        return p
    }
}
