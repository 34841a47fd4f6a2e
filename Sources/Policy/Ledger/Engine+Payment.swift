extension Engine {
    /// The payment the ledger may make now: the project evaluated under the policy in force on
    /// `day` with the confirmed figures in place of the declared ones, then the least of what the
    /// ratio gives (less what this contract-year already received), the cap's room after the
    /// ledger's net paid, and the award's room. Pure: the ledger's sums come in with the question.
    public func payment(_ question: PaymentQuestion, project: Project, on day: Day) -> PaymentComputation {
        Self.settle(paymentBasis(question, project: project, on: day), with: question)
    }

    /// The part of a payment that does not depend on the ledger's sums — eligibility, the
    /// window, the base, the ratio's amount, the cap — which is the costly part (the project is
    /// evaluated). The ledger computes it before it takes the project's lock, and settles it
    /// (`settle`) against the sums read under the lock.
    public func paymentBasis(_ question: PaymentQuestion, project: Project, on day: Day) -> PaymentComputation {
        var project = project
        var out = PaymentComputation(
            instrument: question.instrument, clause: "", name: LocalizedText(zh: question.instrument, en: question.instrument),
            contractId: question.contractId, year: question.year, base: .zero, ratio: nil, uncapped: .zero,
            paidForUnit: question.paidForUnit, cap: nil, paidUnderCap: question.paidUnderCap, capRoom: nil,
            award: question.award, awardRoom: nil, amount: .zero, limitedBy: nil, place: nil, refusal: nil,
            evaluationDate: day)
        guard let definition = library.instrument(question.instrument), definition.kind != .national else {
            out.refusal = LocalizedText(zh: "政策库中没有市级政策工具 \(question.instrument)", en: "the policy library has no city instrument \(question.instrument)")
            return out
        }
        out.clause = definition.clause
        out.name = definition.name
        if let refusal = PaymentBasisCheck.refusal(question.basis, definition: definition, project: project) {
            out.refusal = refusal
            return out
        }
        PaymentBasisCheck.substitute(question.basis, into: &project)

        let evaluation = evaluate(project, on: day)
        guard let result = evaluation.instruments.first(where: { $0.id == question.instrument }) else {
            out.refusal = LocalizedText(zh: "\(question.instrument) 未被评估", en: "\(question.instrument) was not evaluated")
            return out
        }
        out.ratio = result.ratio
        out.cap = result.capAdvisory ? nil : result.cap
        guard result.isEligible else {
            let failed = result.failedConditions.map(\.label)
            out.refusal = LocalizedText(
                zh: "项目不符合 \(question.instrument) 的条件：" + failed.map(\.zh).joined(separator: "；"),
                en: "the project does not meet the conditions of \(question.instrument): " + failed.map(\.en).joined(separator: "; "))
            return out
        }
        if result.status == .amountUnstated {
            out.refusal = LocalizedText(zh: "\(question.instrument) 的金额有待实施细则确定", en: "the amount of \(question.instrument) is still to be set by the implementing rules")
            return out
        }
        if let refusal = PaymentAssignment.refusal(question, evaluation: evaluation) {
            out.refusal = refusal
            return out
        }

        switch question.basis {
        case .interest(let loanId, let year, _):
            guard let unit = result.units.first(where: { $0.id == loanId }), unit.eligible else {
                out.refusal = PaymentBasisCheck.unitRefusal(result.units.first { $0.id == loanId }, instrument: question.instrument)
                return out
            }
            guard let line = unit.years.first(where: { $0.year == year }) else {
                out.refusal = LocalizedText(zh: "贷款 \(loanId) 没有 \(year) 年已确认的利息", en: "loan \(loanId) has no confirmed interest for \(year)")
                return out
            }
            out.place = line.place
            out.base = line.base
            if line.place != .inWindow {
                out.refusal = PaymentBasisCheck.placeRefusal(line.place, year: year, windowYears: result.windowYears)
                return out
            }
            out.uncapped = line.uncapped
        case .lease(let leaseId, _):
            guard let unit = result.units.first(where: { $0.id == leaseId }), unit.eligible else {
                out.refusal = PaymentBasisCheck.unitRefusal(result.units.first { $0.id == leaseId }, instrument: question.instrument)
                return out
            }
            out.base = unit.base
            out.uncapped = unit.uncapped
        case .grant:
            out.base = result.base?.amount ?? .zero
            // A grant is what the engine gives the project, its own caps applied.
            out.uncapped = result.amount
        }

        out.capPerUnit = definition.capScope == .unit
        out.settled = false
        return out
    }

    /// A basis settled against the ledger's sums of `question`: the least of what is left of the
    /// ratio's amount for this contract-year, of the cap and of the award.
    public static func settle(_ basis: PaymentComputation, with question: PaymentQuestion) -> PaymentComputation {
        var out = basis
        out.paidForUnit = question.paidForUnit
        out.paidUnderCap = question.paidUnderCap
        out.award = question.award
        out.capRoom = nil
        out.awardRoom = nil
        out.poolRoom = nil
        out.amount = .zero
        out.limitedBy = nil
        out.settled = true
        if basis.refusal != nil { return out }
        var amount = out.uncapped - question.paidForUnit
        var limitedBy = "ratio"
        if amount < .zero { amount = .zero }
        if let cap = out.cap {
            // A per-unit cap (5: per product) is already inside the unit's amount.
            let room = out.capPerUnit ? cap - question.paidForUnit : cap - question.paidUnderCap
            out.capRoom = room < .zero ? .zero : room
            if out.capRoom! < amount { amount = out.capRoom!; limitedBy = "cap" }
        }
        if let award = question.award {
            let room = award - question.paidUnderAward
            out.awardRoom = room < .zero ? .zero : room
            if out.awardRoom! < amount { amount = out.awardRoom!; limitedBy = "award" }
        }
        if let pool = question.poolRoom {
            // The budget is the finance bureau's: it limits what is paid now, not what is due.
            out.poolRoom = pool < .zero ? .zero : pool
            if out.poolRoom! < amount { amount = out.poolRoom!; limitedBy = "pool" }
        }
        out.amount = amount
        if amount > .zero {
            out.limitedBy = limitedBy
        } else {
            out.refusal = PaymentBasisCheck.nothingLeft(limitedBy, instrument: question.instrument)
        }
        return out
    }
}
