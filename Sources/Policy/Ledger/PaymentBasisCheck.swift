/// The checks of a payment's basis against the instrument and the project, and the
/// substitution of the confirmed figures for the declared ones; with the sentences that say why
/// nothing can be paid.
enum PaymentBasisCheck {
    static func refusal(_ basis: PaymentQuestion.Basis, definition: InstrumentDefinition, project: Project) -> LocalizedText? {
        switch basis {
        case .interest(let loanId, let year, _):
            guard definition.unit == .loan, definition.years != nil else {
                return LocalizedText(zh: "\(definition.id) 不是按年度的贷款贴息", en: "\(definition.id) is not a yearly loan-interest subsidy")
            }
            guard project.loans.contains(where: { $0.id == loanId }) else {
                return LocalizedText(zh: "项目没有贷款 \(loanId)", en: "the project has no loan \(loanId)")
            }
            _ = year
        case .lease(let leaseId, _):
            guard definition.unit == .lease else {
                return LocalizedText(zh: "\(definition.id) 不是融资租赁补贴", en: "\(definition.id) is not a finance-lease subsidy")
            }
            guard project.leases.contains(where: { $0.id == leaseId }) else {
                return LocalizedText(zh: "项目没有融资租赁合同 \(leaseId)", en: "the project has no lease \(leaseId)")
            }
        case .grant:
            guard definition.kind == .grant else {
                return LocalizedText(zh: "\(definition.id) 不是一次性奖补，须按贷款或租赁合同支付", en: "\(definition.id) is not a grant: it is paid per loan or lease")
            }
        }
        return nil
    }

    /// The confirmed figures in place of the declared ones: a loan's interest becomes exactly the
    /// confirmed years up to the one paid; a lease's equipment investment the lessor's figure.
    static func substitute(_ basis: PaymentQuestion.Basis, into project: inout Project) {
        switch basis {
        case .interest(let loanId, let year, let confirmed):
            if let i = project.loans.firstIndex(where: { $0.id == loanId }) {
                project.loans[i].interestPaid = confirmed.filter { $0.year <= year }.sorted { $0.year < $1.year }
            }
        case .lease(let leaseId, let investment):
            if let i = project.leases.firstIndex(where: { $0.id == leaseId }) {
                project.leases[i].equipmentInvestment = investment
            }
        case .grant:
            break
        }
    }

    static func unitRefusal(_ unit: UnitResult?, instrument: String) -> LocalizedText {
        guard let unit else { return LocalizedText(zh: "合同不在 \(instrument) 的评估之中", en: "the contract is not among those \(instrument) evaluates") }
        let failed = unit.conditions.filter { !$0.held && $0.role == .required }.map(\.label)
        return LocalizedText(
            zh: "合同 \(unit.id) 不符合 \(instrument) 的条件：" + failed.map(\.zh).joined(separator: "；"),
            en: "contract \(unit.id) does not meet the conditions of \(instrument): " + failed.map(\.en).joined(separator: "; "))
    }

    static func placeRefusal(_ place: YearLine.Place, year: Int, windowYears: Int?) -> LocalizedText {
        switch place {
        case .beforeCounting:
            return LocalizedText(zh: "\(year) 年的利息早于计息起算日（解读12）", en: "the interest of \(year) is before the day from which interest is counted (reading 12)")
        case .afterWindow:
            let n = windowYears.map(String.init) ?? "?"
            return LocalizedText(zh: "\(year) 年已超出连续 \(n) 年的贴息期（解读2）", en: "\(year) is after the \(n) consecutive subsidised years (reading 2)")
        case .beforeWindow:
            return LocalizedText(zh: "\(year) 年没有已确认的利息", en: "no interest is confirmed for \(year)")
        case .inWindow:
            return LocalizedText(zh: "无", en: "none")
        }
    }

    static func nothingLeft(_ limit: String, instrument: String) -> LocalizedText {
        switch limit {
        case "cap": return LocalizedText(zh: "\(instrument) 的累计上限已用尽", en: "the cumulative cap of \(instrument) is used up")
        case "award": return LocalizedText(zh: "批复的 \(instrument) 支持金额已全部支付", en: "the amount the decision granted under \(instrument) is paid in full")
        case "pool": return LocalizedText(zh: "\(instrument) 本年度预算资金池已用尽", en: "the year's budget pool of \(instrument) is used up")
        default: return LocalizedText(zh: "该合同该年度已足额支付", en: "this contract and year are already paid in full")
        }
    }
}
