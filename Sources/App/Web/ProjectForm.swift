import Foundation
import Policy

/// The enterprise's project form: its general fields, its investment, two loans and a lease,
/// written over the project's JSON as stored (`ProjectFileWriter`), so that what the form does
/// not show — equipment, certifications, contracts, a third loan, a loan's purpose — is kept as
/// it was. The result is read by the API's own `ProjectFileReader`; each issue's path maps back
/// to the field it came from. Text only: no figure is computed here.
struct ProjectForm {
    static let interestYears = [2024, 2025, 2026, 2027]
    static let loanSlots = 2
    static let general = ["name", "startDate", "endDate", "applicationDate"]
    static let loanMembers = [("Lender", "lender"), ("Principal", "principal"), ("Rate", "rate"), ("Start", "startDate"), ("End", "endDate")]
    static let leaseMembers = [("Lessor", "lessor"), ("Investment", "equipmentInvestment"), ("Start", "startDate")]

    /// Every text field of the form by name (`loan1Principal`, `leaseStart` …), as typed.
    var values: [String: String]
    var categories: [String]

    /// The names of every text field the form has.
    static var textFields: [String] {
        var names = ["code"] + general + ["declared", "approved"]
        for k in 1...loanSlots {
            names += loanMembers.map { "loan\(k)\($0.0)" } + interestYears.map { "loan\(k)I\($0)" }
        }
        return names + leaseMembers.map { "lease\($0.0)" }
    }

    static func given(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    /// The form's values of a stored project (its JSON as written), for editing.
    init(project: JSONValue) {
        var v: [String: String] = [:]
        func text(_ j: JSONValue?) -> String? {
            switch j { case .string(let s)?: return s; case .number(let n)?: return n; default: return nil }
        }
        v["code"] = text(project["id"])
        for key in Self.general { v[key] = text(project[key]) }
        v["declared"] = text(project["investment"]?["declared"])
        v["approved"] = text(project["investment"]?["approved"])
        if case .array(let loans)? = project["loans"] {
            for (i, loan) in loans.prefix(Self.loanSlots).enumerated() {
                for (field, member) in Self.loanMembers { v["loan\(i + 1)\(field)"] = text(loan[member]) }
                for y in Self.interestYears { v["loan\(i + 1)I\(y)"] = text(loan["interestPaid"]?[String(y)]) }
            }
        }
        if case .array(let leases)? = project["leases"], let lease = leases.first {
            for (field, member) in Self.leaseMembers { v["lease\(field)"] = text(lease[member]) }
        }
        values = v.compactMapValues { $0 }
        if case .array(let c)? = project["categories"] { categories = c.compactMap { if case .string(let s) = $0 { return s }; return nil } } else { categories = [] }
    }

    init(values: [String: String], categories: [String]) {
        self.values = values
        self.categories = categories
    }

    /// The project's JSON: `base` (the stored project, or an empty one) with the form's fields
    /// written over it, and for each JSON path written the form field it came from.
    func json(over base: JSONValue?) -> (json: JSONValue, fields: [String: String]) {
        var fields: [String: String] = ["$": "name", "$.id": "code", "$.categories": "categories", "$.investment": "declared"]
        var project = Self.members(base)
        Self.set(&project, "id", Self.given(values["code"]))
        for key in Self.general {
            fields["$." + key] = key
            Self.set(&project, key, Self.given(values[key]))
        }
        Self.set(&project, "categories", .array(categories.compactMap(Self.given).map(JSONValue.string)))
        var investment = Self.members(base?["investment"])
        for key in ["declared", "approved"] {
            fields["$.investment." + key] = key
            Self.set(&investment, key, Self.given(values[key]))
        }
        Self.set(&project, "investment", investment.isEmpty ? nil : .object(investment))

        // Loans: each slot written over the stored loan of its place; a slot emptied removes it.
        var loans: [JSONValue] = []
        if case .array(let stored)? = base?["loans"] { loans = stored }
        var kept: [JSONValue] = []
        for slot in 0..<max(Self.loanSlots, loans.count) {
            let stored = slot < loans.count ? loans[slot] : nil
            guard slot < Self.loanSlots else { kept.append(stored!); continue }
            let f = "loan\(slot + 1)"
            let typed = Self.loanMembers.contains { Self.given(values[f + $0.0]) != nil } || Self.interestYears.contains { Self.given(values[f + "I\($0)"]) != nil }
            guard typed else { continue }
            let path = "$.loans[\(kept.count)]"
            var loan = Self.members(stored)
            if loan.isEmpty { loan = [("id", .string(Self.freshID("L", slot + 1, among: loans)))] }
            for (field, member) in Self.loanMembers {
                fields[path + "." + member] = f + field
                Self.set(&loan, member, Self.given(values[f + field]))
            }
            var paid = Self.members(stored?["interestPaid"])
            for y in Self.interestYears { Self.set(&paid, String(y), Self.given(values[f + "I\(y)"])) }
            fields[path + ".interestPaid"] = f + "I2024"
            for y in Self.interestYears { fields[path + ".interestPaid.\(y)"] = f + "I\(y)" }
            fields[path] = f + "Principal"
            Self.set(&loan, "interestPaid", paid.isEmpty ? nil : .object(paid))
            kept.append(.object(loan))
        }
        Self.set(&project, "loans", kept.isEmpty ? nil : .array(kept))

        // The first lease likewise; others kept.
        var leases: [JSONValue] = []
        if case .array(let stored)? = base?["leases"] { leases = stored }
        let typedLease = Self.leaseMembers.contains { Self.given(values["lease" + $0.0]) != nil }
        var keptLeases = Array(leases.dropFirst())
        if typedLease {
            var lease = Self.members(leases.first)
            if lease.isEmpty { lease = [("id", .string(Self.freshID("F", 1, among: leases)))] }
            for (field, member) in Self.leaseMembers {
                fields["$.leases[0]." + member] = "lease" + field
                Self.set(&lease, member, Self.given(values["lease" + field]))
            }
            fields["$.leases[0]"] = "leaseInvestment"
            keptLeases.insert(.object(lease), at: 0)
        }
        Self.set(&project, "leases", keptLeases.isEmpty ? nil : .array(keptLeases))
        return (.object(project), fields)
    }

    static func members(_ j: JSONValue?) -> [(key: String, value: JSONValue)] {
        if case .object(let m)? = j { return m }
        return []
    }

    /// Sets a member in place (keeping the order of the others), or removes it for nil.
    static func set(_ members: inout [(key: String, value: JSONValue)], _ key: String, _ value: JSONValue?) {
        if let i = members.firstIndex(where: { $0.key == key }) {
            if let value { members[i].value = value } else { members.remove(at: i) }
        } else if let value {
            members.append((key, value))
        }
    }

    static func set(_ members: inout [(key: String, value: JSONValue)], _ key: String, _ value: String?) {
        set(&members, key, value.map(JSONValue.string))
    }

    /// A contract id not yet used among the stored ones (`L1`, `L2`, … ).
    static func freshID(_ prefix: String, _ from: Int, among: [JSONValue]) -> String {
        let used = Set(among.compactMap { if case .string(let s)? = $0["id"] { return s }; return nil })
        var n = from
        while used.contains("\(prefix)\(n)") { n += 1 }
        return "\(prefix)\(n)"
    }
}
