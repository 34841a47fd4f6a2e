/// A condition checked against the catalogue snapshot (`CatalogueCheck`): the product the unit
/// names, on the unit's date, must be listed then, with what the condition needs. The result
/// cites the entry it relied on, or says in both languages why the product does not count.
extension ConditionEvaluator {
    func evaluate(_ check: CatalogueCheck, snapshot: CatalogueSnapshot, into result: inout ConditionResult, unit i: Int) {
        let (productId, day) = product(check.product, unit: i)
        guard let productId else {
            result.held = false
            result.detail = LocalizedText(zh: "未填写目录产品编号，无法核对创新产品推荐目录",
                                          en: "no catalogue product is named, so the catalogue cannot confirm it")
            return
        }
        switch snapshot.lookup(productId, on: day) {
        case .unknown:
            result.held = false
            result.detail = LocalizedText(zh: "产品 \(productId) 不在创新产品推荐目录中",
                                          en: "product \(productId) is not in the catalogue")
        case .notYet(let e):
            result.held = false
            result.catalogueEntry = CatalogueCitation(e, checkedOn: day)
            result.detail = LocalizedText(zh: "产品 \(productId) 在 \(day) 尚未列入目录：自 \(e.validFrom) 起列入（第\(e.edition)版）",
                                          en: "product \(productId) is not in the catalogue on \(day): it is listed from \(e.validFrom) (edition \(e.edition))")
        case .expired(let e):
            result.held = false
            result.catalogueEntry = CatalogueCitation(e, checkedOn: day)
            result.detail = LocalizedText(zh: "产品 \(productId) 在 \(day) 不在目录中：其列入已于 \(e.lastDay) 到期（第\(e.edition)版，\(e.validFrom) 至 \(e.validUntil)）",
                                          en: "product \(productId) is not in the catalogue on \(day): its listing expired on \(e.lastDay) (edition \(e.edition), \(e.validFrom) to \(e.validUntil))")
        case .listed(let e):
            result.catalogueEntry = CatalogueCitation(e, checkedOn: day)
            var missing: [LocalizedText] = []
            if check.needs.contains(.firstOnMarket) && !e.firstOnMarket {
                missing.append(LocalizedText(zh: "目录未认定其为首次投放市场的产品", en: "the catalogue does not count it as on the market for the first time"))
            }
            if check.needs.contains(.especiallyInnovative) && !e.especiallyInnovative {
                missing.append(LocalizedText(zh: "目录未认定其创新性特别强", en: "the catalogue does not judge it especially innovative"))
            }
            result.held = missing.isEmpty
            let listing = LocalizedText(zh: "目录产品 \(productId)「\(e.name)」第\(e.edition)版（\(e.publishedOn) 发布，有效期 \(e.validFrom) 至 \(e.lastDay)），核对日 \(day)",
                                        en: "catalogue product \(productId) \"\(e.name)\", edition \(e.edition) (published \(e.publishedOn), valid \(e.validFrom) to \(e.lastDay)), checked on \(day)")
            result.detail = missing.isEmpty ? listing
                : LocalizedText(zh: listing.zh + "；" + missing.map(\.zh).joined(separator: "；"),
                                en: listing.en + "; " + missing.map(\.en).joined(separator: "; "))
        }
    }

    /// The product id a unit names and the day it is checked on: the contract's start, else the
    /// project's start, else the evaluation day.
    func product(_ source: CatalogueCheck.ProductSource, unit i: Int) -> (String?, Day) {
        let p = facts.project
        let fallback = p.startDate ?? policy.day
        switch source {
        case .loan:
            guard p.loans.indices.contains(i) else { return (nil, fallback) }
            return (p.loans[i].catalogueProductId, p.loans[i].startDate ?? fallback)
        case .lease:
            guard p.leases.indices.contains(i) else { return (nil, fallback) }
            return (p.leases[i].catalogueProductId, p.leases[i].startDate ?? fallback)
        case .marketContract:
            return (p.marketContract?.productId, fallback)
        }
    }
}
