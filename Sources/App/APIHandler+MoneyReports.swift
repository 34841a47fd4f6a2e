import API
import Foundation
import OpenAPIRuntime
import Policy
import Registry
import Spreadsheet

/// The money reports (issue 11, item 8), as JSON or as CSV and XLSX files. Who reads what: the
/// city officer and the administrator everything, a district officer its district, a bank or
/// lessor its own contracts (`Principal.institution`). The figures are the store's sums: no
/// money is computed here.
extension APIHandler {
    func getMoneyReport(_ input: Operations.GetMoneyReport.Input) async throws -> Operations.GetMoneyReport.Output {
        let year = try budgetYear(input.query.year)
        guard case .some(let district) = try ownDistrict() else { return .ok(.init(body: .json([]))) }
        let lines = try await MoneyReport.lines(district: district, year: year, on: services.database())
        let format = input.query.format ?? .json
        if format == .json {
            return .ok(.init(body: .json(lines.map {
                .init(instrument: $0.key.instrument, year: $0.key.year, district: $0.key.district,
                      committed: $0.committed.decimalString, paid: $0.paid.decimalString)
            })))
        }
        let table = MoneyReportTable(
            headers: ["政策工具 instrument", "年度 year", "区 district", "已承诺（元） committed (yuan)", "已拨付（元） paid (yuan)"],
            rows: lines.map { [.text($0.key.instrument), .number(String($0.key.year)), .text(vocabularyName($0.key.district)),
                               .number($0.committed.decimalString), .number($0.paid.decimalString)] })
        let name = "money-\(input.query.year.map(String.init) ?? "all")"
        if format == .csv {
            return .ok(.init(headers: .init(contentDisposition: ContentDisposition.attachment("\(name).csv")), body: .csv(HTTPBody(table.csv()))))
        }
        return .ok(.init(headers: .init(contentDisposition: ContentDisposition.attachment("\(name).xlsx")),
                         body: .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(HTTPBody(try table.xlsx(sheet: "Money")))))
    }

    func getReconciliationReport(_ input: Operations.GetReconciliationReport.Input) async throws -> Operations.GetReconciliationReport.Output {
        let principal = try access().principal
        var institution: String?
        if principal.role == .bank {
            guard let own = principal.institution else { return .ok(.init(body: .json([]))) }
            institution = own
        }
        guard case .some(let district) = try ownDistrict() else { return .ok(.init(body: .json([]))) }
        let lines = try await Reconciliation.lines(institution: institution, district: district, on: services.database())
        let format = input.query.format ?? .json
        if format == .json {
            return .ok(.init(body: .json(lines.map {
                .init(kind: $0.kind == .loan ? .loan : .lease, institution: $0.institution, projectId: $0.projectID.uuidString.lowercased(),
                      contract: $0.contract, year: $0.year, district: $0.district, confirmed: $0.confirmed.decimalString,
                      paid: $0.paid.decimalString, difference: $0.difference.decimalString)
            })))
        }
        let table = MoneyReportTable(
            headers: ["机构 institution", "类型 kind", "项目 project", "合同 contract", "年度 year", "区 district",
                      "确认金额（元） confirmed (yuan)", "已拨付补贴（元） paid (yuan)", "差额（元） difference (yuan)"],
            rows: lines.map { l in
                [.text(l.institution), .text(l.kind == .loan ? "贷款 loan" : "融资租赁 lease"), .text(l.projectID.uuidString.lowercased()),
                 .text(l.contract), l.year.map { .number(String($0)) } ?? .empty, .text(l.district.map(vocabularyName) ?? ""),
                 .number(l.confirmed.decimalString), .number(l.paid.decimalString), .number(l.difference.decimalString)]
            })
        if format == .csv {
            return .ok(.init(headers: .init(contentDisposition: ContentDisposition.attachment("reconciliation.csv")), body: .csv(HTTPBody(table.csv()))))
        }
        return .ok(.init(headers: .init(contentDisposition: ContentDisposition.attachment("reconciliation.xlsx")),
                         body: .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(HTTPBody(try table.xlsx(sheet: "Reconciliation")))))
    }

    /// A district's Chinese name for a file read by people (its id if the library has none).
    func vocabularyName(_ id: String) -> String { vocabulary.district(named: id)?.name.zh ?? id }
}
