import FluentKit
import Foundation
import Policy
import Workflow

extension ApplicationStore {
    /// Who is told of a move, and what: the enterprise of every answer it gets, the district's
    /// officers of a submission, each department of a case sent to it. Written in the move's
    /// transaction, so a move and its notices stand or fall together.
    func notices(after next: ApplicationState, event: ApplicationEvent, of model: ApplicationModel, reasons: String?,
                 departments: [String] = []) throws -> [CaseNotice] {
        let id = try model.requireID()
        let number = id.uuidString.lowercased()
        let state = next.label
        var out: [CaseNotice] = []
        func enterprise(_ kind: String, _ zh: String, _ en: String) {
            out.append(CaseNotice(recipient: .enterprise(creditCode: model.creditCode), kind: kind, caseID: id,
                                  title: LocalizedText(zh: "申报\(state.zh)", en: "Application \(state.en)"),
                                  body: LocalizedText(zh: zh, en: en)))
        }
        let why = reasons.map { LocalizedText(zh: "理由：\($0)", en: "Reasons: \($0)") }
        switch next {
        case .submitted:
            let division = engine.library.vocabulary.district(named: model.district)?.code ?? model.district
            out.append(CaseNotice(recipient: .officers(role: .districtOfficer, district: division), kind: "application.submitted", caseID: id,
                                  title: LocalizedText(zh: "新的申报待受理", en: "A new application to take in"),
                                  body: LocalizedText(zh: "企业 \(model.creditCode) 提交了申报 \(number)，请受理。",
                                                      en: "Enterprise \(model.creditCode) submitted application \(number) for intake.")))
        case .acceptedWithDeficiencies:
            enterprise("application.accepted_with_deficiencies", "申报 \(number) 已容缺受理，请在期限内补齐容缺材料。",
                       "Application \(number) was accepted with deficiencies; supply the deferred items by their due days.")
        case .accepted where event.name != "supplement":
            enterprise("application.accepted", "申报 \(number) 已受理。", "Application \(number) was accepted.")
        case .underReview where !departments.isEmpty:
            for code in departments {
                out.append(CaseNotice(recipient: .department(code: code), kind: "review.requested", caseID: id,
                                      title: LocalizedText(zh: "新的联审任务", en: "A case to review"),
                                      body: LocalizedText(zh: "申报 \(number) 送本部门并联审查，请在办理时限内出具意见。",
                                                          en: "Application \(number) was sent to your department for review; give your opinion within the service level.")))
            }
        case .returned:
            enterprise("application.returned", "申报 \(number) 被退回补正。\(why?.zh ?? "")", "Application \(number) was returned to you. \(why?.en ?? "")")
        case .approved:
            enterprise("application.approved", "申报 \(number) 已核准，核准金额见申报详情。", "Application \(number) was approved; the amounts granted are in the application.")
        case .rejected:
            enterprise("application.rejected", "申报 \(number) 不予支持。\(why?.zh ?? "")", "Application \(number) was rejected. \(why?.en ?? "")")
        default: break
        }
        return out
    }
}
