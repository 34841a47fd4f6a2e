import Policy

extension TabularExport {
    /// Notes which of the risk flags' optional columns a row has a value for: the enterprise and
    /// project fields by their key, the groups' as `loan.contract_number`, `item.serial_number`…
    static func noteRiskColumns(_ e: Enterprise, _ p: Project, into used: inout Set<String>) {
        if e.legalRepresentative != nil { used.insert(TabularField.legalRepresentative.rawValue) }
        if e.address != nil { used.insert(TabularField.address.rawValue) }
        if e.phone != nil { used.insert(TabularField.phone.rawValue) }
        if p.innovativeProductContract?.contractNumber != nil { used.insert(TabularField.innovativeContractNumber.rawValue) }
        if p.marketContract?.contractNumber != nil { used.insert(TabularField.marketContractNumber.rawValue) }
        if p.softwareSales?.contractNumber != nil { used.insert(TabularField.softwareSalesNumber.rawValue) }
        if p.loans.contains(where: { $0.contractNumber != nil }) { used.insert("loan.contract_number") }
        if p.leases.contains(where: { $0.contractNumber != nil }) { used.insert("lease.contract_number") }
        if p.equipment.contains(where: { $0.serialNumber != nil }) { used.insert("item.serial_number") }
        if p.equipment.contains(where: { $0.invoiceNumber != nil }) { used.insert("item.invoice_number") }
        if p.certifications.contains(where: { $0.contractNumber != nil }) { used.insert("cert.contract_number") }
    }
}
