import Policy
import Vapor

/// The calculator's form: an enterprise, one project, up to two loans and a lease. Turned into
/// the project file's JSON as written (every figure as the text typed) and read by the same
/// `ProjectFileReader` as `POST /api/match`, so the form's errors are the API's, each shown
/// beside the field whose JSON path it names.
struct CalculatorForm: Content {
    static let interestYears = [2024, 2025, 2026, 2027]
    static let loanSlots = 2

    var entName: String?
    var entCode: String?
    var entDistrict: String?
    var entIndustry: String?
    var projectName: String?
    var categories: [String]?
    var startDate: String?
    var endDate: String?
    var applicationDate: String?
    var declared: String?
    var approved: String?
    var loan1Lender: String?, loan1Principal: String?, loan1Rate: String?, loan1Start: String?, loan1End: String?
    var loan1I2024: String?, loan1I2025: String?, loan1I2026: String?, loan1I2027: String?
    var loan2Lender: String?, loan2Principal: String?, loan2Rate: String?, loan2Start: String?, loan2End: String?
    var loan2I2024: String?, loan2I2025: String?, loan2I2026: String?, loan2I2027: String?
    var leaseLessor: String?, leaseInvestment: String?, leaseStart: String?

    /// A field's value as typed, trimmed; nil when empty.
    static func given(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    struct Loan { var lender, principal, rate, start, end: String?; var interest: [String?] }

    func loans() -> [Loan] {
        [Loan(lender: loan1Lender, principal: loan1Principal, rate: loan1Rate, start: loan1Start, end: loan1End,
              interest: [loan1I2024, loan1I2025, loan1I2026, loan1I2027]),
         Loan(lender: loan2Lender, principal: loan2Principal, rate: loan2Rate, start: loan2Start, end: loan2End,
              interest: [loan2I2024, loan2I2025, loan2I2026, loan2I2027])]
    }

    /// The project file and, for each JSON path it writes, the form field it came from.
    func projectFile() -> (json: JSONValue, fields: [String: String]) {
        var fields: [String: String] = [:]
        func member(_ members: inout [(key: String, value: JSONValue)], _ key: String, _ value: String?, path: String, field: String) {
            fields[path + "." + key] = field
            if let v = Self.given(value) { members.append((key, .string(v))) }
        }
        var ent: [(key: String, value: JSONValue)] = []
        member(&ent, "creditCode", entCode, path: "$.enterprise", field: "entCode")
        member(&ent, "name", entName, path: "$.enterprise", field: "entName")
        member(&ent, "district", entDistrict, path: "$.enterprise", field: "entDistrict")
        member(&ent, "industryCode", entIndustry, path: "$.enterprise", field: "entIndustry")
        fields["$.enterprise"] = "entName"

        let pp = "$.projects[0]"
        var project: [(key: String, value: JSONValue)] = [("id", .string("P1"))]
        member(&project, "name", projectName, path: pp, field: "projectName")
        project.append(("categories", .array((categories ?? []).compactMap(Self.given).map(JSONValue.string))))
        fields[pp + ".categories"] = "categories"
        member(&project, "startDate", startDate, path: pp, field: "startDate")
        member(&project, "endDate", endDate, path: pp, field: "endDate")
        member(&project, "applicationDate", applicationDate, path: pp, field: "applicationDate")
        var investment: [(key: String, value: JSONValue)] = []
        member(&investment, "declared", declared, path: pp + ".investment", field: "declared")
        member(&investment, "approved", approved, path: pp + ".investment", field: "approved")
        fields[pp + ".investment"] = "declared"
        project.append(("investment", .object(investment)))

        var loanValues: [JSONValue] = []
        for (slot, loan) in loans().enumerated() where Self.given(loan.principal) != nil {
            let lp = "\(pp).loans[\(loanValues.count)]", f = "loan\(slot + 1)"
            var l: [(key: String, value: JSONValue)] = [("id", .string("L\(slot + 1)"))]
            member(&l, "lender", loan.lender, path: lp, field: f + "Lender")
            member(&l, "principal", loan.principal, path: lp, field: f + "Principal")
            member(&l, "rate", loan.rate, path: lp, field: f + "Rate")
            member(&l, "startDate", loan.start, path: lp, field: f + "Start")
            member(&l, "endDate", loan.end, path: lp, field: f + "End")
            var paid: [(key: String, value: JSONValue)] = []
            for (year, amount) in zip(Self.interestYears, loan.interest) {
                member(&paid, String(year), amount, path: lp + ".interestPaid", field: f + "I\(year)")
            }
            fields[lp + ".interestPaid"] = f + "I2024"
            fields[lp] = f + "Principal"
            if !paid.isEmpty { l.append(("interestPaid", .object(paid))) }
            loanValues.append(.object(l))
        }
        if !loanValues.isEmpty { project.append(("loans", .array(loanValues))) }
        if Self.given(leaseInvestment) != nil {
            let lp = "\(pp).leases[0]"
            var l: [(key: String, value: JSONValue)] = [("id", .string("F1"))]
            member(&l, "lessor", leaseLessor, path: lp, field: "leaseLessor")
            member(&l, "equipmentInvestment", leaseInvestment, path: lp, field: "leaseInvestment")
            member(&l, "startDate", leaseStart, path: lp, field: "leaseStart")
            fields[lp] = "leaseInvestment"
            project.append(("leases", .array([.object(l)])))
        }
        fields[pp] = "projectName"
        return (.object([("enterprise", .object(ent)), ("projects", .array([.object(project)]))]), fields)
    }

    /// The field of an issue's path: the longest path written that is a prefix of it.
    static func field(of path: String, in fields: [String: String]) -> String? {
        var p = path
        while !p.isEmpty {
            if let f = fields[p] { return f }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            p = String(p[..<cut])
        }
        return nil
    }
}
