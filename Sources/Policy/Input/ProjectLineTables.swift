/// What the scanner looks texts up in, made once from the vocabulary: each accepted text is the
/// general reader's own answer for it (a district as `Vocabulary.district(named:)` finds it, a
/// category the vocabulary knows), so a text in a table is read as the general reader reads it,
/// and any other text is left to the general reader.
struct ProjectLineTables: Sendable {
    /// District texts (ids, codes, Chinese and English names) → position in `districtIds`.
    let districts: [(text: [UInt8], index: UInt16)]
    /// Category ids → bit in the population's mask.
    let categories: [(text: [UInt8], bit: UInt64)]
    /// The accepted six-digit division codes of a national project code, as numbers.
    let divisions: Set<Int>
    /// `LoanPurpose.allCases`' raw values, in order.
    let purposes: [[UInt8]]

    // The keys of each object, in the order the scanner's switches number them.
    let fileKeys = ProjectLineKeys(["enterprise", "projects", "$schema"])
    let enterpriseKeys = ProjectLineKeys(["creditCode", "name", "district", "industryCode", "legalRepresentative", "address", "phone"])
    let projectKeys: ProjectLineKeys = ProjectLineKeys([
        "id", "name", "nationalCode", "categories", "startDate", "endDate", "applicationDate",
        "investment", "zeroLand", "importConfirmation", "equipment", "loans", "leases",
        "certifications", "innovativeProductContract", "marketContract", "softwareSales",
    ])
    let investmentKeys: ProjectLineKeys = ProjectLineKeys(["declared", "approved", "new"])
    let equipmentKeys: ProjectLineKeys = ProjectLineKeys([
        "name", "quantity", "unitPrice", "purchased", "putIntoUse", "replacesOld", "imported",
        "tariffRate", "nonExemptCatalogue", "catalogueProductId", "serialNumber", "invoiceNumber",
    ])
    let loanKeys: ProjectLineKeys = ProjectLineKeys([
        "id", "lender", "principal", "rate", "startDate", "endDate", "interestPaid",
        "catalogueProductId", "firstOnMarket", "relendingEligible", "purpose", "contractNumber",
    ])
    let leaseKeys: ProjectLineKeys = ProjectLineKeys([
        "id", "lessor", "equipmentInvestment", "startDate", "endDate", "innovativeProduct", "catalogueProductId",
        "contractNumber",
    ])
    let certificationKeys: ProjectLineKeys = ProjectLineKeys(["productId", "kind", "amount", "contractNumber"])
    let contractKeys: ProjectLineKeys = ProjectLineKeys(["productId", "amount", "contractNumber"])

    init(vocabulary: Vocabulary, categoryIds: [String], districtIds: [String]) {
        var districts: [(text: [UInt8], index: UInt16)] = []
        for d in vocabulary.districts {
            for text in [d.id, d.code, d.name.zh, d.name.en, d.name.en.lowercased()] {
                guard TextKind.code.problem(in: text) == nil, text.trimmingSpaces == text, !text.isEmpty,
                      !districts.contains(where: { $0.text == Array(text.utf8) }),
                      let found = vocabulary.district(named: text), let k = districtIds.firstIndex(of: found.id) else { continue }
                districts.append((Array(text.utf8), UInt16(k)))
            }
        }
        self.districts = districts
        categories = categoryIds.enumerated().compactMap { bit, id in
            guard TextKind.code.problem(in: id) == nil, id.trimmingSpaces == id, !id.isEmpty,
                  vocabulary.categories[id] != nil else { return nil }
            return (Array(id.utf8), UInt64(1) << UInt64(bit))
        }
        divisions = Set(vocabulary.divisionCodes.compactMap { code in
            code.utf8.count == 6 && code.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } ? Int(code) : nil
        })
        purposes = LoanPurpose.allCases.map { Array($0.rawValue.utf8) }
    }
}
