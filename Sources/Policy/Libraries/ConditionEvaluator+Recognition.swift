/// A condition checked against the recognitions (`RecognitionCheck`): the key the contract names
/// must be recognised, in a kind the condition accepts, on the contract's day. The result cites
/// the list entry and its edition, or says in both languages why the product does not count.
extension ConditionEvaluator {
    func evaluate(_ check: RecognitionCheck, snapshot: RecognitionSnapshot, into result: inout ConditionResult) {
        let p = facts.project
        // The contract carries no date of its own: the project's start, else the evaluation day.
        let day = p.startDate ?? policy.day
        guard let key = p.innovativeProductContract?.productId else {
            result.held = false
            result.detail = LocalizedText(zh: "创新产品合同未填写产品编号，无法核对首台（套）、首版次、首批次认定",
                                          en: "the innovative-product contract names no product, so the recognitions cannot confirm it")
            return
        }
        switch snapshot.lookup(key, kinds: check.kinds, on: day, validYears: check.validYears) {
        case .unknown:
            result.held = false
            result.detail = LocalizedText(zh: "产品 \(key) 未获首台（套）、首版次或首批次认定",
                                          en: "product \(key) is not recognised as a first set, first version or first batch")
        case .otherKind(let e):
            result.held = false
            result.listEntry = RecognitionCitation(e, checkedOn: day)
            result.detail = LocalizedText(zh: "产品 \(key) 仅列入清单“\(e.kind)”，不属于本条件认可的清单",
                                          en: "product \(key) is listed only in '\(e.kind)', not a list this condition accepts")
        case .notYet(let e):
            result.held = false
            result.listEntry = RecognitionCitation(e, checkedOn: day)
            result.detail = LocalizedText(zh: "产品 \(key) 在 \(day) 尚未获认定：见于 \(e.publishedOn) 发布的“\(e.kind)”第\(e.edition)版",
                                          en: "product \(key) is not yet recognised on \(day): it appears in edition \(e.edition) of '\(e.kind)', published \(e.publishedOn)")
        case .expired(let e):
            result.held = false
            result.listEntry = RecognitionCitation(e, checkedOn: day)
            let years = check.validYears ?? 0
            result.detail = LocalizedText(zh: "产品 \(key) 的 \(e.year) 年度认定（“\(e.kind)”第\(e.edition)版）有效 \(years) 年，至 \(day) 已过期",
                                          en: "product \(key)'s recognition of \(e.year) ('\(e.kind)' edition \(e.edition)) stands \(years) years and is over by \(day)")
        case .recognised(let e):
            result.held = true
            result.listEntry = RecognitionCitation(e, checkedOn: day)
            result.detail = LocalizedText(zh: "产品 \(key)「\(e.name)」列入“\(e.kind)”第\(e.edition)版（\(e.editionTitle)，\(e.publishedOn) 发布，\(e.year) 年度），核对日 \(day)",
                                          en: "product \(key) \"\(e.name)\" is in '\(e.kind)' edition \(e.edition) (\(e.editionTitle), published \(e.publishedOn), year \(e.year)), checked on \(day)")
        }
    }
}
