import Policy
import Simulation
import Testing
@testable import Risk

/// Issue 11's "Done when" for the risk flags: on a generated population with planted cases of
/// each of the six kinds, every planted case is flagged with its kind and evidence naming its
/// partner, and the share of the other projects flagged is reported — and bounded, so that a
/// test that fires on everything fails.
@Suite struct PlantedPopulationTests {
    typealias F = RiskFixtures

    /// What a planted case expects: the project flagged, its kind, and the partner project (or
    /// enterprise) its evidence must name.
    struct Expectation: CustomStringConvertible {
        var project: RiskProjectRef
        var kind: RiskKind
        var partner: RiskProjectRef?
        var partnerEnterprise: String?
        var description: String { "\(kind) on \(project) naming \(partner?.description ?? partnerEnterprise ?? "-")" }
    }

    struct Planted {
        var files: [ProjectFile]
        var expectations: [Expectation] = []
        /// Every project a plant touched: the rest are the "other projects".
        var touched: Set<RiskProjectRef> = []

        func ref(_ f: Int, _ p: Int) -> RiskProjectRef {
            RiskProjectRef(creditCode: files[f].enterprise.creditCode, projectId: files[f].projects[p].id)
        }

        mutating func expectPair(_ kind: RiskKind, _ a: RiskProjectRef, _ b: RiskProjectRef) {
            expectations.append(Expectation(project: a, kind: kind, partner: b))
            expectations.append(Expectation(project: b, kind: kind, partner: a))
            touched.formUnion([a, b])
        }
    }

    /// 1,000 generated enterprises (about 1,800 projects) with every identity field, then the plants.
    static func plant() throws -> Planted {
        let library = try F.library.get()
        var generator = SyntheticProjects(seed: 20_261_201, vocabulary: library.vocabulary)
        generator.identities = true
        var planted = Planted(files: (0..<1000).map { _ in generator.nextFile() })
        var rng = SplitMix(seed: 7)
        // Distinct enterprises, each used by one plant only.
        var unused = Array(planted.files.indices)
        func take(_ where: (ProjectFile) -> Bool = { _ in true }) -> Int {
            let candidates = unused.filter { planted.files[$0].projects.count == 1 && `where`(planted.files[$0]) }
            let f = candidates[Int(rng.int(0, Int64(candidates.count - 1)))]
            unused.removeAll { $0 == f }
            return f
        }

        // (a) The same equipment: a serial number copied to another enterprise's project, five
        // times; an invoice number, five times.
        for k in 0..<10 {
            let a = take { !$0.projects[0].equipment.isEmpty }, b = take { !$0.projects[0].equipment.isEmpty }
            if k < 5 {
                planted.files[b].projects[0].equipment[0].serialNumber = planted.files[a].projects[0].equipment[0].serialNumber!.lowercased()
            } else {
                planted.files[b].projects[0].equipment[0].invoiceNumber = planted.files[a].projects[0].equipment[0].invoiceNumber
            }
            planted.expectPair(.sameEquipment, planted.ref(a, 0), planted.ref(b, 0))
        }
        // (b) One 26,000,000 investment declared as two parts of 13,000,000 by one enterprise,
        // same period, applications a fortnight apart; five enterprises.
        for k in 0..<5 {
            let f = take()
            var part = planted.files[f].projects[0]
            part.investment = Investment(declared: Money(yuan: 13_000_000))
            part.startDate = Day(year: 2025, month: 1 + k, day: 1)
            part.endDate = Day(year: 2025, month: 12, day: 31)
            part.applicationDate = Day(year: 2025, month: 2 + k, day: 1)
            var second = part
            second.id = part.id + "-2"
            second.name = part.name + "（二期）"
            second.applicationDate = Day(year: 2025, month: 2 + k, day: 15)
            second.equipment = second.equipment.enumerated().map { i, e in
                var e = e
                e.serialNumber = "SN-\(second.id)-\(i)"
                e.invoiceNumber = "FP-\(second.id)-\(i)"
                return e
            }
            second.loans = second.loans.enumerated().map { i, l in var l = l; l.contractNumber = "DK-\(second.id)-\(i)"; return l }
            second.leases = second.leases.enumerated().map { i, l in var l = l; l.contractNumber = "ZL-\(second.id)-\(i)"; return l }
            planted.files[f].projects = [part, second]
            planted.expectPair(.splitInvestment, planted.ref(f, 0), planted.ref(f, 1))
        }
        // (c) Bunching: 60 new one-project enterprises declaring just above 20,000,000.
        for k in 0..<60 {
            let number = 5000 + k
            let enterprise = Enterprise(creditCode: F.code(number), name: "集中企业\(k)", district: "pudong", industryCode: "C35",
                                        legalRepresentative: "集中法人\(k)", address: "上海市集中路\(k)号", phone: "021-\(50_000_000 + k)")
            let project = Project(id: "B\(k)", name: "门槛项目\(k)", categories: ["technical-renovation"],
                                  startDate: Day(year: 2024, month: 1 + k % 12, day: 1 + k % 28),
                                  applicationDate: Day(year: 2025, month: 1 + k % 12, day: 1 + k % 28),
                                  investment: Investment(declared: Money(yuan: 20_000_000 + Int64(k) * 13_579)))
            planted.files.append(ProjectFile(enterprise: enterprise, projects: [project]))
            let ref = RiskProjectRef(creditCode: enterprise.creditCode, projectId: project.id)
            planted.expectations.append(Expectation(project: ref, kind: .thresholdBunching))
            planted.touched.insert(ref)
        }
        // (d) Shared identities, written differently: a phone, an address, a representative, five pairs each.
        for k in 0..<15 {
            let a = take(), b = take()
            switch k % 3 {
            case 0:
                planted.files[a].enterprise.phone = "021-6\(k)88 7766"
                planted.files[b].enterprise.phone = "+86 21 6\(k)887766"
            case 1:
                planted.files[a].enterprise.address = "上海市嘉定区 安亭镇 墨玉路\(k)号"
                planted.files[b].enterprise.address = "上海市嘉定区安亭镇墨玉路\(k)号"
            default:
                planted.files[b].enterprise.legalRepresentative = planted.files[a].enterprise.legalRepresentative
            }
            for (x, y) in [(a, b), (b, a)] {
                let r = planted.ref(x, 0)
                planted.expectations.append(Expectation(project: r, kind: .sharedIdentity, partner: planted.ref(y, 0),
                                                        partnerEnterprise: planted.files[y].enterprise.creditCode))
                planted.touched.insert(r)
            }
        }
        // (e) A unit price fifty times a typical one, ten times.
        for _ in 0..<10 {
            let f = take { !$0.projects[0].equipment.isEmpty }
            planted.files[f].projects[0].equipment[0].unitPrice = Money(yuan: 2_000_000_000)
            planted.expectations.append(Expectation(project: planted.ref(f, 0), kind: .unitPriceOutlier))
            planted.touched.insert(planted.ref(f, 0))
        }
        // (f) A loan contract claimed again by another enterprise with the same bank, written
        // differently, five times.
        for _ in 0..<5 {
            let a = take { !$0.projects[0].loans.isEmpty }, b = take { !$0.projects[0].loans.isEmpty }
            let loan = planted.files[a].projects[0].loans[0]
            planted.files[b].projects[0].loans[0].lender = String(loan.lender.prefix(2)) + " " + String(loan.lender.dropFirst(2))
            planted.files[b].projects[0].loans[0].contractNumber = loan.contractNumber!.replacingOccurrences(of: "-", with: "")
            planted.expectPair(.sameContract, planted.ref(a, 0), planted.ref(b, 0))
        }
        return planted
    }

    @Test func everyPlantedCaseIsFlaggedAndFewOthersAre() throws {
        let planted = try Self.plant()
        let library = try F.library.get()
        // The plants are valid project files: each passes the reader as written.
        for file in planted.files {
            let again = try ProjectFileReader.read(text: ProjectFileWriter.text(file), vocabulary: library.vocabulary).get()
            #expect(again == file)
        }
        let population = RiskPopulation(planted.files)
        let flags = try F.scanner().scan(population)
        let byProject = Dictionary(grouping: flags, by: \.project)

        var missed: [Expectation] = []
        for e in planted.expectations {
            let found = (byProject[e.project] ?? []).contains { flag in
                flag.kind == e.kind
                    && (e.partner.map { flag.partners.contains($0) } ?? true)
                    && (e.partnerEnterprise.map { flag.enterprises.contains($0) } ?? true)
            }
            if !found { missed.append(e) }
        }
        #expect(missed.isEmpty, "missed: \(missed)")
        #expect(Set(planted.expectations.map(\.kind)) == Set(RiskKind.allCases))

        let others = population.entries.map(\.ref).filter { !planted.touched.contains($0) }
        let flaggedOthers = others.filter { byProject[$0] != nil }
        let share = Double(flaggedOthers.count) / Double(others.count)
        var perKind: [RiskKind: Int] = [:]
        for ref in flaggedOthers { for kind in Set(byProject[ref]!.map(\.kind)) { perKind[kind, default: 0] += 1 } }
        print("risk flags on the planted population: \(planted.expectations.count) planted cases, all flagged; "
              + "\(flaggedOthers.count) of \(others.count) other projects flagged (\(String(format: "%.2f", share * 100))%): "
              + RiskKind.allCases.map { "\($0.rawValue) \(perKind[$0] ?? 0)" }.joined(separator: ", "))
        #expect(others.count > 1500)
        #expect(share < 0.05)
    }
}
