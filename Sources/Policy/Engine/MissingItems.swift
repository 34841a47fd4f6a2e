/// What a project still lacks for a definite answer: the "what is missing" of the enterprise's
/// question. Each item names the field to supply.
enum MissingItems {
    static func list(project: Project, results: [InstrumentResult]) -> [LocalizedText] {
        var out: [LocalizedText] = []
        if results.contains(where: { $0.isEligible && $0.provisional }) {
            out.append(LocalizedText(zh: "核定项目投资（investment.approved）：暂按申报投资计算，结果为预估",
                                     en: "approved investment (investment.approved): the declared investment stands in, so the result is provisional"))
        }
        for loan in project.loans where loan.interestPaid.isEmpty {
            out.append(LocalizedText(zh: "贷款 \(loan.id) 的实际付息记录（interestPaid）：贴息按实际支付的利息计算",
                                     en: "interest actually paid on loan \(loan.id) (interestPaid): the subsidy is computed on interest paid"))
        }
        if project.applicationDate == nil {
            out.append(LocalizedText(zh: "申报日期（applicationDate）：暂按今日适用的政策参数评估",
                                     en: "application date (applicationDate): the policy in force today was applied"))
        }
        for r in results where r.status == .amountUnstated {
            out.append(LocalizedText(zh: "（\(r.id)）\(r.name.zh)：符合条件，金额待实施细则确定",
                                     en: "(\(r.id)) \(r.name.en): eligible; the amount awaits the implementing rules"))
        }
        return out
    }
}
