/// Writes a project file in the documented format: the inverse of `ProjectFileReader`, used to
/// export, to hand generated populations to other tools, and to check that reading and writing
/// agree. Amounts are written as decimal strings.
public enum ProjectFileWriter {
    public static func json(_ file: ProjectFile) -> JSONValue {
        .object([("enterprise", enterprise(file.enterprise)), ("projects", .array(file.projects.map(project)))])
    }

    public static func text(_ file: ProjectFile) -> String { json(file).serialized() }

    static func enterprise(_ e: Enterprise) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [("creditCode", .string(e.creditCode)), ("name", .string(e.name)),
                                                    ("district", .string(e.district)), ("industryCode", .string(e.industryCode))]
        if let v = e.legalRepresentative { m.append(("legalRepresentative", .string(v))) }
        if let v = e.address { m.append(("address", .string(v))) }
        if let v = e.phone { m.append(("phone", .string(v))) }
        return .object(m)
    }

    static func money(_ m: Money) -> JSONValue { .string(m.decimalString) }

    public static func project(_ p: Project) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [("id", .string(p.id))]
        if !p.name.isEmpty { m.append(("name", .string(p.name))) }
        if let c = p.nationalCode { m.append(("nationalCode", .string(c))) }
        if !p.categories.isEmpty { m.append(("categories", .array(p.categories.sorted().map { .string($0) }))) }
        if let d = p.startDate { m.append(("startDate", .string(d.iso))) }
        if let d = p.endDate { m.append(("endDate", .string(d.iso))) }
        if let d = p.applicationDate { m.append(("applicationDate", .string(d.iso))) }
        var inv: [(key: String, value: JSONValue)] = []
        if let v = p.investment.declared { inv.append(("declared", money(v))) }
        if let v = p.investment.approved { inv.append(("approved", money(v))) }
        if let v = p.investment.new { inv.append(("new", money(v))) }
        if !inv.isEmpty { m.append(("investment", .object(inv))) }
        if p.zeroLand { m.append(("zeroLand", .bool(true))) }
        if p.importConfirmation { m.append(("importConfirmation", .bool(true))) }
        if !p.equipment.isEmpty { m.append(("equipment", .array(p.equipment.map(item)))) }
        if !p.loans.isEmpty { m.append(("loans", .array(p.loans.map(loan)))) }
        if !p.leases.isEmpty { m.append(("leases", .array(p.leases.map(lease)))) }
        if !p.certifications.isEmpty {
            m.append(("certifications", .array(p.certifications.map { (contract: CertificationContract) -> JSONValue in
                var c: [(key: String, value: JSONValue)] = [("productId", .string(contract.productId)), ("kind", .string(contract.kind.rawValue)),
                                                            ("amount", money(contract.amount))]
                if let n = contract.contractNumber { c.append(("contractNumber", .string(n))) }
                return .object(c)
            })))
        }
        for (key, contract) in [("innovativeProductContract", p.innovativeProductContract), ("marketContract", p.marketContract),
                                ("softwareSales", p.softwareSales)] {
            guard let contract else { continue }
            var c: [(key: String, value: JSONValue)] = []
            if let id = contract.productId { c.append(("productId", .string(id))) }
            c.append(("amount", money(contract.amount)))
            if let n = contract.contractNumber { c.append(("contractNumber", .string(n))) }
            m.append((key, .object(c)))
        }
        if let c = p.planChecks, !c.isEmpty { m.append(("planChecks", planChecks(c))) }
        return .object(m)
    }

    static func item(_ e: EquipmentItem) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [("name", .string(e.name)), ("quantity", .number(String(e.quantity))),
                                                    ("unitPrice", money(e.unitPrice))]
        if let d = e.purchased { m.append(("purchased", .string(d.iso))) }
        if let d = e.putIntoUse { m.append(("putIntoUse", .string(d.iso))) }
        if e.replacesOld { m.append(("replacesOld", .bool(true))) }
        if e.imported { m.append(("imported", .bool(true))) }
        if let r = e.tariffRate { m.append(("tariffRate", .string(r.decimalString))) }
        if e.nonExemptCatalogue { m.append(("nonExemptCatalogue", .bool(true))) }
        if let c = e.catalogueProductId { m.append(("catalogueProductId", .string(c))) }
        if let n = e.serialNumber { m.append(("serialNumber", .string(n))) }
        if let n = e.invoiceNumber { m.append(("invoiceNumber", .string(n))) }
        return .object(m)
    }

    static func loan(_ l: Loan) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [("id", .string(l.id))]
        if !l.lender.isEmpty { m.append(("lender", .string(l.lender))) }
        m.append(("principal", money(l.principal)))
        if let r = l.rate { m.append(("rate", .string(r.decimalString))) }
        if let d = l.startDate { m.append(("startDate", .string(d.iso))) }
        if let d = l.endDate { m.append(("endDate", .string(d.iso))) }
        if !l.interestPaid.isEmpty { m.append(("interestPaid", .object(l.interestPaid.map { (String($0.year), money($0.amount)) }))) }
        if let c = l.catalogueProductId { m.append(("catalogueProductId", .string(c))) }
        if l.firstOnMarket { m.append(("firstOnMarket", .bool(true))) }
        if l.relendingEligible { m.append(("relendingEligible", .bool(true))) }
        if l.purpose != .equipment { m.append(("purpose", .string(l.purpose.rawValue))) }
        if let n = l.contractNumber { m.append(("contractNumber", .string(n))) }
        return .object(m)
    }

    static func lease(_ l: Lease) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [("id", .string(l.id))]
        if !l.lessor.isEmpty { m.append(("lessor", .string(l.lessor))) }
        m.append(("equipmentInvestment", money(l.equipmentInvestment)))
        if let d = l.startDate { m.append(("startDate", .string(d.iso))) }
        if let d = l.endDate { m.append(("endDate", .string(d.iso))) }
        if l.innovativeProduct { m.append(("innovativeProduct", .bool(true))) }
        if let c = l.catalogueProductId { m.append(("catalogueProductId", .string(c))) }
        if let n = l.contractNumber { m.append(("contractNumber", .string(n))) }
        return .object(m)
    }
}

extension JSONValue {
    /// Compact JSON text (one line), keys in their order.
    public func serialized() -> String {
        var out = ""
        out.reserveCapacity(256)
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                JSONValue.quote(member.key, into: &out)
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Most texts need no escape: appended whole (scalar by scalar it was most of the
        // writer's time, which every stored project now pays).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
