import API
import Foundation
import OpenAPIRuntime
import Policy
import Registry
import Workflow

/// Applications (申报): the enterprise applies, supplies materials, follows its case; officers
/// take it in and send it to review; departments give opinions; the city officer decides. The
/// rules are the workflow's, the writes the store's; this only reads, checks who asks, calls
/// and answers.
extension APIHandler {
    var applications: ApplicationStore { services.applicationStore() }
    var today: Day { services.clock.today() }

    /// The case, if the account may see it (404 otherwise, as for a case that does not exist).
    func visibleCase(_ text: String) async throws -> ApplicationModel {
        let model = try await applications.application(try uuid(text))
        try visibility().require(case: model)
        return model
    }

    func answer(_ id: UUID) async throws -> Components.Schemas.Application {
        try await ApplicationView(store: applications, today: today).application(try await applications.application(id))
    }

    func listApplications(_ input: Operations.ListApplications.Input) async throws -> Operations.ListApplications.Output {
        let (page, perPage) = try page(input.query.page, input.query.perPage)
        let asked = ApplicationFilter(state: input.query.state?.rawValue, district: input.query.district,
                                      instrument: input.query.instrument, awaitingDepartment: input.query.awaiting)
        guard let filter = try visibility().caseFilter(asked) else {
            return .ok(.init(body: .json(.init(items: [], total: 0, page: page, perPage: perPage))))
        }
        let (items, total) = try await applications.list(filter, page: page, perPage: perPage)
        return .ok(.init(body: .json(.init(items: items.map(ApplicationView.summary), total: total, page: page, perPage: perPage))))
    }

    func createApplication(_ input: Operations.CreateApplication.Input) async throws -> Operations.CreateApplication.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let projectID = try uuid(body.projectId, name: "projectId")
        try visibility().require(project: try await store.project(projectID))
        let id = try await applications.create(projectID: projectID, instruments: body.instruments, on: today, by: currentActor())
        return .created(.init(body: .json(try await answer(id))))
    }

    func getApplication(_ input: Operations.GetApplication.Input) async throws -> Operations.GetApplication.Output {
        let model = try await visibleCase(input.path.id)
        return .ok(.init(body: .json(try await ApplicationView(store: applications, today: today).application(model))))
    }

    func submitApplication(_ input: Operations.SubmitApplication.Input) async throws -> Operations.SubmitApplication.Output {
        let id = try await visibleCase(input.path.id).requireID()
        try await applications.submit(id, on: today, by: currentActor())
        return .ok(.init(body: .json(try await answer(id))))
    }

    func withdrawApplication(_ input: Operations.WithdrawApplication.Input) async throws -> Operations.WithdrawApplication.Output {
        let id = try await visibleCase(input.path.id).requireID()
        try await applications.withdraw(id, on: today, by: currentActor())
        return .ok(.init(body: .json(try await answer(id))))
    }

    func uploadApplicationMaterial(_ input: Operations.UploadApplicationMaterial.Input) async throws -> Operations.UploadApplicationMaterial.Output {
        let id = try await visibleCase(input.path.id).requireID()
        guard case .binary(let body) = input.body else { throw BadRequest("请求体应为文件内容", "the body must be the file's bytes") }
        // RequestSizeMiddleware has refused a larger body already (RequestLimits.material).
        let data = Data(try await ArraySlice(collecting: body, upTo: RequestLimits.material))
        _ = try queryText(input.query.fileName, .name, name: "fileName")
        _ = try queryText(input.query.item, .code, name: "item")
        _ = try await applications.addMaterial(id, item: input.query.item, fileName: input.query.fileName, data: data,
                                               on: today, by: currentActor())
        return .created(.init(body: .json(try await answer(id))))
    }

    func downloadApplicationMaterial(_ input: Operations.DownloadApplicationMaterial.Input) async throws -> Operations.DownloadApplicationMaterial.Output {
        let id = try await visibleCase(input.path.id).requireID()
        let material = try await applications.material(try uuid(input.path.materialId, name: "materialId"), of: id)
        let disposition = ContentDisposition.attachment(material.fileName)
        return .ok(.init(headers: .init(contentDisposition: disposition, xContentTypeOptions: "nosniff",
                                        contentSecurityPolicy: "sandbox; default-src 'none'", eTag: "\"\(material.sha256)\""),
                         body: .binary(HTTPBody(material.data))))
    }

    func intakeApplication(_ input: Operations.IntakeApplication.Input) async throws -> Operations.IntakeApplication.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let id = try await visibleCase(input.path.id).requireID()
        let action: ApplicationStore.IntakeAction
        switch body.action {
        case .accept: action = .accept
        case ._return:
            guard let reasons = body.reasons, !reasons.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ValidationFailure(issues: [ValidationIssue(path: "$.reasons", zh: "退回须说明理由", en: "a return needs reasons")])
            }
            action = .returnToEnterprise(reasons: reasons)
        }
        _ = try await applications.intake(id, action, as: try access().principal.role, on: today, by: currentActor())
        return .ok(.init(body: .json(try await answer(id))))
    }

    func startApplicationReview(_ input: Operations.StartApplicationReview.Input) async throws -> Operations.StartApplicationReview.Output {
        let id = try await visibleCase(input.path.id).requireID()
        try await applications.startReview(id, as: try access().principal.role, on: today, by: currentActor())
        return .ok(.init(body: .json(try await answer(id))))
    }

    func giveReviewOpinion(_ input: Operations.GiveReviewOpinion.Input) async throws -> Operations.GiveReviewOpinion.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let id = try await visibleCase(input.path.id).requireID()
        guard let department = try access().principal.department else {
            throw Forbidden(message: LocalizedText(zh: "账户未绑定联审部门", en: "the account is bound to no reviewing department"))
        }
        let reasons = body.reasons?.trimmingCharacters(in: .whitespacesAndNewlines)
        let verdict: ReviewOpinion.Verdict
        switch body.verdict {
        case .approve: verdict = .approve
        case .reject, .askSupplement:
            guard let reasons, !reasons.isEmpty else {
                throw ValidationFailure(issues: [ValidationIssue(path: "$.reasons", zh: "不同意或要求补充须说明理由", en: "a rejection or a request for more needs reasons")])
            }
            verdict = body.verdict == .reject ? .reject(reasons: reasons) : .askSupplement(reasons: reasons)
        }
        _ = try await applications.giveOpinion(id, department: department, verdict: verdict, on: today, by: currentActor())
        return .ok(.init(body: .json(try await answer(id))))
    }

    func decideApplication(_ input: Operations.DecideApplication.Input) async throws -> Operations.DecideApplication.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let id = try await visibleCase(input.path.id).requireID()
        let action: ApplicationStore.DecisionAction
        switch body.outcome {
        case .reject:
            guard let reasons = body.reasons, !reasons.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ValidationFailure(issues: [ValidationIssue(path: "$.reasons", zh: "不予支持须说明理由", en: "a rejection needs reasons")])
            }
            action = .reject(reasons: reasons)
        case .approve:
            var issues: [ValidationIssue] = []
            let investment = body.approvedInvestment.flatMap(Money.init(yuanText:))
            if investment == nil { issues.append(ValidationIssue(path: "$.approvedInvestment", zh: "核准须填写核定投资", en: "an approval needs the approved investment")) }
            var granted: [String: Money] = [:]
            for (k, line) in (body.granted ?? []).enumerated() {
                guard let amount = Money(yuanText: line.amount) else {
                    issues.append(ValidationIssue(path: "$.granted[\(k)].amount", zh: "金额格式不正确", en: "not an amount in yuan")); continue
                }
                if granted[line.instrument] != nil {
                    issues.append(ValidationIssue(path: "$.granted[\(k)].instrument", zh: "政策重复", en: "the instrument is listed twice"))
                }
                granted[line.instrument] = amount
            }
            if body.granted?.isEmpty ?? true { issues.append(ValidationIssue(path: "$.granted", zh: "核准须填写核准金额", en: "an approval needs the amounts granted")) }
            if !issues.isEmpty { throw ValidationFailure(issues: issues) }
            action = .approve(approvedInvestment: investment!, granted: granted)
        }
        var issues: [ValidationIssue] = []
        check(body.quotaOverride, .note, at: "$.quotaOverride", into: &issues)
        try refuse(issues)
        try await applications.decide(id, action, on: today, by: currentActor(), quotaOverride: body.quotaOverride)
        return .ok(.init(body: .json(try await answer(id))))
    }

    func compareApplicationWithPolicy(_ input: Operations.CompareApplicationWithPolicy.Input) async throws -> Operations.CompareApplicationWithPolicy.Output {
        let id = try await visibleCase(input.path.id).requireID()
        let comparison = try await applications.compareWithPolicy(id, on: try day(input.query.date) ?? today)
        return .ok(.init(body: .json(ApplicationView.comparison(comparison))))
    }

    func getApplicationAudit(_ input: Operations.GetApplicationAudit.Input) async throws -> Operations.GetApplicationAudit.Output {
        let id = try await visibleCase(input.path.id).requireID()
        let entries = try await AuditTrail.entries(AuditQuery(caseID: id.uuidString.lowercased(), limit: 10_000), on: services.database())
        return .ok(.init(body: .json(entries.map(ApplicationView.auditEntry))))
    }

    func listAuditEntries(_ input: Operations.ListAuditEntries.Input) async throws -> Operations.ListAuditEntries.Output {
        var query = AuditQuery(caseID: try input.query.caseId.map { try uuid($0, name: "caseId").uuidString.lowercased() },
                               afterSeq: input.query.afterSeq ?? 0, limit: input.query.limit ?? 100)
        query.actorUserID = try input.query.userId.map { try uuid($0, name: "userId") }
        let entries = try await AuditTrail.entries(query, on: services.database())
        return .ok(.init(body: .json(entries.map(ApplicationView.auditEntry))))
    }
}
