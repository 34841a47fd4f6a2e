import Foundation
import Policy
import Tabular

/// A rolling list's own columns in its export (for banks and lessors, in Chinese): what the last
/// published version carried beside what the project carries now, and whether it changed.
extension ListEntryView {
    public static let exportHeaders = [
        "清单批次号", "发布版本", "发布时间", "项目编号", "统一社会信用代码",
        "发布时企业名称", "当前企业名称", "发布时项目名称", "当前项目名称", "发布时状态", "当前状态",
        "发布时申报投资", "当前申报投资", "发布时核定投资", "当前核定投资",
        "发布时推荐组合", "当前推荐组合", "发布时推荐组合金额", "发布时推荐合计", "当前推荐合计", "发布后是否变化", "变化项",
    ]

    static let fieldNames: [String: String] = [
        "name": "项目名称", "enterpriseName": "企业名称", "status": "状态", "declaredInvestment": "申报投资",
        "approvedInvestment": "核定投资", "recommendedTotal": "推荐合计", "recommendedInstruments": "推荐组合",
    ]

    public func exportCells(listNumber: String) -> [ExportCell] {
        func status(_ s: String?) -> ExportCell { s.map { .text(ProjectStatus(rawValue: $0)?.label.zh ?? $0) } ?? .empty }
        func money(_ m: Money?) -> ExportCell { m.map { .amount($0) } ?? .empty }
        func text(_ s: String?) -> ExportCell { s.map { .text($0) } ?? .empty }
        let iso = ISO8601DateFormatter()
        return [
            .text(listNumber), sentVersion.map { .int($0) } ?? .empty, text(sentAt.map { iso.string(from: $0) }),
            .text(projectCode), .text(creditCode),
            text(sent?.enterpriseName), .text(current.enterpriseName), text(sent?.name), .text(current.name),
            status(sent?.status), status(current.status),
            money(sent?.declared), money(current.declared), money(sent?.approved), money(current.approved),
            text(sent?.recommendedInstruments.joined(separator: ";")), .text(current.recommendedInstruments.joined(separator: ";")),
            text(sent.map { $0.recommendedLines.map { "\($0.instrument) \($0.amount.decimalString)" }.joined(separator: "；") }),
            money(sent?.recommendedTotal), .amount(current.recommendedTotal),
            sent == nil ? .empty : .bool(!changed.isEmpty),
            .text(changed.map { Self.fieldNames[$0] ?? $0 }.joined(separator: "、")),
        ]
    }
}
