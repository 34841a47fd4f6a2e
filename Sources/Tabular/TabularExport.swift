import Foundation
import Policy
import Spreadsheet

/// Writes projects in the wide format that `TabularImport` reads: row 1 holds the English
/// column keys, then one row per project. There are as many loan, lease, equipment and
/// certification groups, and as many interest-year columns per loan, as the projects need.
/// Importing an export gives back equal projects.
///
/// CSV: UTF-8 with a byte-order mark, CRLF; amounts as decimals (`1234.50`), dates as
/// `YYYY-MM-DD`, booleans `true` / `false`; text that Excel would take for a formula (starting
/// with `=`, `+`, `-` or `@`) is written after an apostrophe, which the import removes.
/// XLSX: a bold frozen header; amounts, rates and quantities as number cells (exact decimal
/// text), dates as date cells, booleans as boolean cells, text as text cells.
public enum TabularExport {
    public typealias Row = (enterprise: Enterprise, project: Project)

    /// The rows of project files: each project with its enterprise.
    public static func rows<C: Sequence>(_ files: C) -> [Row] where C.Element == ProjectFile {
        files.flatMap { file in file.projects.map { (file.enterprise, $0) } }
    }

    /// The columns these rows need, in the documented order.
    public static func columns<C: Sequence>(for rows: C) -> [TabularColumn] where C.Element == Row {
        var loanYears: [Set<Int>] = []
        var leases = 0, items = 0, certs = 0
        var purposes = false
        // The risk flags' columns, each written only when some row has a value.
        var used: Set<String> = []
        for (e, p) in rows {
            purposes = purposes || p.loans.contains { $0.purpose != .equipment }
            TabularExport.noteRiskColumns(e, p, into: &used)
            while loanYears.count < p.loans.count { loanYears.append([]) }
            for (i, loan) in p.loans.enumerated() { loanYears[i].formUnion(loan.interestPaid.map(\.year)) }
            leases = max(leases, p.leases.count)
            items = max(items, p.equipment.count)
            certs = max(certs, p.certifications.count)
        }
        var columns = TabularField.allCases.filter { !TabularField.writtenWhenUsed.contains($0) || used.contains($0.rawValue) }
            .map { TabularColumn.field($0) }
        for (i, years) in loanYears.enumerated() {
            let n = i + 1
            for f in LoanField.allCases where (f != .purpose || purposes) && (f != .contractNumber || used.contains("loan.contract_number")) {
                columns.append(.loan(n, f))
                if f == .end { columns += years.sorted().map { .loanInterest(n, year: $0) } }
            }
        }
        func kept<F: TabularGroupField>(_ f: F) -> Bool {
            !["contract_number", "serial_number", "invoice_number"].contains(f.rawValue) || used.contains("\(F.prefix).\(f.rawValue)")
        }
        if leases > 0 { for n in 1...leases { columns += LeaseField.allCases.filter(kept).map { .lease(n, $0) } } }
        if items > 0 { for n in 1...items { columns += ItemField.allCases.filter(kept).map { .item(n, $0) } } }
        if certs > 0 { for n in 1...certs { columns += CertificationField.allCases.filter(kept).map { .certification(n, $0) } } }
        return columns
    }

    /// A value to write, before it becomes CSV text or an XLSX cell.
    enum Value {
        case empty, text(String), amount(Money), rate(Ratio), date(Day), bool(Bool), int(Int)

        var csv: String {
            switch self {
            case .empty: return ""
            case .text(let s):
                if let f = s.unicodeScalars.first, "=+-@".unicodeScalars.contains(f) { return "'" + s }
                return s
            case .amount(let m): return m.decimalString
            case .rate(let r): return r.decimalString
            case .date(let d): return d.iso
            case .bool(let b): return b ? "true" : "false"
            case .int(let n): return String(n)
            }
        }

        var xlsx: XLSXCell {
            switch self {
            case .empty: return .empty
            case .text(let s): return .text(s)
            case .amount(let m): return .number(m.decimalString)
            case .rate(let r): return .number(r.decimalString)
            case .date(let d): return .date(SheetDay(d))
            case .bool(let b): return .bool(b)
            case .int(let n): return .number(String(n))
            }
        }
    }

    static func text(_ s: String?) -> Value { s.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }

    static func values(_ row: Row, _ columns: [TabularColumn]) -> [Value] {
        let (e, p) = row
        return columns.map { column -> Value in
            switch column {
            case .field(let f):
                switch f {
                case .creditCode: return text(e.creditCode)
                case .enterpriseName: return text(e.name)
                case .district: return text(e.district)
                case .industryCode: return text(e.industryCode)
                case .projectId: return text(p.id)
                case .projectName: return text(p.name)
                case .nationalCode: return text(p.nationalCode)
                case .categories: return p.categories.isEmpty ? .empty : .text(p.categories.sorted().joined(separator: ";"))
                case .startDate: return p.startDate.map { .date($0) } ?? .empty
                case .endDate: return p.endDate.map { .date($0) } ?? .empty
                case .applicationDate: return p.applicationDate.map { .date($0) } ?? .empty
                case .declaredInvestment: return p.investment.declared.map { .amount($0) } ?? .empty
                case .approvedInvestment: return p.investment.approved.map { .amount($0) } ?? .empty
                case .newInvestment: return p.investment.new.map { .amount($0) } ?? .empty
                case .zeroLand: return .bool(p.zeroLand)
                case .importConfirmation: return .bool(p.importConfirmation)
                case .innovativeContractAmount: return p.innovativeProductContract.map { .amount($0.amount) } ?? .empty
                case .innovativeContractProduct: return text(p.innovativeProductContract?.productId)
                case .marketContractAmount: return p.marketContract.map { .amount($0.amount) } ?? .empty
                case .marketContractProduct: return text(p.marketContract?.productId)
                case .softwareSalesAmount: return p.softwareSales.map { .amount($0.amount) } ?? .empty
                case .softwareSalesProduct: return text(p.softwareSales?.productId)
                case .legalRepresentative: return text(e.legalRepresentative)
                case .address: return text(e.address)
                case .phone: return text(e.phone)
                case .innovativeContractNumber: return text(p.innovativeProductContract?.contractNumber)
                case .marketContractNumber: return text(p.marketContract?.contractNumber)
                case .softwareSalesNumber: return text(p.softwareSales?.contractNumber)
                }
            case let .loan(n, f):
                guard n <= p.loans.count else { return .empty }
                let l = p.loans[n - 1]
                switch f {
                case .id: return text(l.id)
                case .lender: return text(l.lender)
                case .principal: return .amount(l.principal)
                case .rate: return l.rate.map { .rate($0) } ?? .empty
                case .start: return l.startDate.map { .date($0) } ?? .empty
                case .end: return l.endDate.map { .date($0) } ?? .empty
                case .catalogueProduct: return text(l.catalogueProductId)
                case .firstOnMarket: return .bool(l.firstOnMarket)
                case .relending: return .bool(l.relendingEligible)
                case .purpose: return l.purpose == .equipment ? .empty : .text(l.purpose.rawValue)
                case .contractNumber: return text(l.contractNumber)
                }
            case let .loanInterest(n, year):
                guard n <= p.loans.count, let paid = p.loans[n - 1].interestPaid.first(where: { $0.year == year }) else { return .empty }
                return .amount(paid.amount)
            case let .lease(n, f):
                guard n <= p.leases.count else { return .empty }
                let l = p.leases[n - 1]
                switch f {
                case .id: return text(l.id)
                case .lessor: return text(l.lessor)
                case .equipmentInvestment: return .amount(l.equipmentInvestment)
                case .start: return l.startDate.map { .date($0) } ?? .empty
                case .end: return l.endDate.map { .date($0) } ?? .empty
                case .innovative: return .bool(l.innovativeProduct)
                case .catalogueProduct: return text(l.catalogueProductId)
                case .contractNumber: return text(l.contractNumber)
                }
            case let .item(n, f):
                guard n <= p.equipment.count else { return .empty }
                let item = p.equipment[n - 1]
                switch f {
                case .name: return text(item.name)
                case .quantity: return .int(item.quantity)
                case .unitPrice: return .amount(item.unitPrice)
                case .purchased: return item.purchased.map { .date($0) } ?? .empty
                case .putIntoUse: return item.putIntoUse.map { .date($0) } ?? .empty
                case .replacesOld: return .bool(item.replacesOld)
                case .imported: return .bool(item.imported)
                case .tariffRate: return item.tariffRate.map { .rate($0) } ?? .empty
                case .nonExempt: return .bool(item.nonExemptCatalogue)
                case .catalogueProduct: return text(item.catalogueProductId)
                case .serialNumber: return text(item.serialNumber)
                case .invoiceNumber: return text(item.invoiceNumber)
                }
            case let .certification(n, f):
                guard n <= p.certifications.count else { return .empty }
                let c = p.certifications[n - 1]
                switch f {
                case .product: return text(c.productId)
                case .kind: return .text(c.kind.rawValue)
                case .amount: return .amount(c.amount)
                case .contractNumber: return text(c.contractNumber)
                }
            }
        }
    }

    // MARK: - CSV

    public static func csv<C: Sequence>(_ files: C) -> Data where C.Element == ProjectFile {
        csv(rows: rows(files))
    }

    public static func csv(rows: [Row]) -> Data {
        var writer = CSVWriter()
        writeCSV(rows, into: &writer, flushEvery: .max) { _ in }
        return writer.data
    }

    /// Writes the CSV to a file in pieces of about a megabyte.
    public static func writeCSV<C: Sequence>(_ files: C, to url: URL) throws where C.Element == ProjectFile {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        var writer = CSVWriter()
        try writeCSV(rows(files), into: &writer, flushEvery: 1 << 20) { try handle.write(contentsOf: $0) }
        try handle.write(contentsOf: writer.take())
    }

    /// Writes the header and rows, handing over to `flush` what was written whenever it passes
    /// `flushEvery` bytes.
    static func writeCSV(_ rows: [Row], into writer: inout CSVWriter, flushEvery: Int, flush: (Data) throws -> Void) rethrows {
        let columns = columns(for: rows)
        writer.write(row: columns.map(\.key))
        var fields: [String] = []
        fields.reserveCapacity(columns.count)
        for row in rows {
            fields.removeAll(keepingCapacity: true)
            for v in values(row, columns) { fields.append(v.csv) }
            writer.write(row: fields)
            if writer.count > flushEvery { try flush(writer.take()) }
        }
    }

    // MARK: - XLSX

    public static func xlsx<C: Sequence>(_ files: C) throws -> Data where C.Element == ProjectFile {
        try xlsx(rows: rows(files))
    }

    public static func xlsx(rows: [Row]) throws -> Data {
        try xlsxWriter(rows).data()
    }

    public static func writeXLSX<C: Sequence>(_ files: C, to url: URL) throws where C.Element == ProjectFile {
        try xlsxWriter(rows(files)).write(to: url)
    }

    static func xlsxWriter(_ rows: [Row]) -> XLSXWriter {
        let columns = columns(for: rows)
        var writer = XLSXWriter(sheetName: "Projects", boldFrozenHeader: true)
        writer.addRow(texts: columns.map(\.key))
        for row in rows { writer.addRow(values(row, columns).map(\.xlsx)) }
        return writer
    }
}
