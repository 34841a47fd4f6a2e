import Foundation
import Policy
import Registry
import Vapor
import Workflow

extension EngineRoutes {
    func createEnterprise(_ req: Request) async throws -> Response {
        let e = try validated(ProjectFileReader.readEnterprise(try req.engineJSON(), vocabulary: library.vocabulary))
        try visibility(req).requireWritable(creditCode: e.creditCode, district: e.district)
        let store = store(req)
        let model = try await store.createEnterprise(e, by: req.auditActor)
        return .json(RecordJSON.enterprise(model, projectCount: 0), status: .created)
    }

    func updateEnterprise(_ req: Request) async throws -> Response {
        let code = req.parameters.get("creditCode") ?? ""
        let e = try validated(ProjectFileReader.readEnterprise(try req.engineJSON(), vocabulary: library.vocabulary))
        guard e.creditCode == code else {
            throw ValidationFailure(issues: [ValidationIssue(path: "$.creditCode", zh: "统一社会信用代码与路径不一致", en: "the credit code differs from the one in the path")])
        }
        let store = store(req)
        let visibility = try visibility(req)
        _ = try visibility.require(try await store.enterprise(code), code: code)
        try visibility.requireWritable(creditCode: e.creditCode, district: e.district)
        let model = try await store.updateEnterprise(e, by: req.auditActor)
        return .json(RecordJSON.enterprise(model, projectCount: try await store.projectCount(of: model)))
    }

    /// `GET /api/enterprises/{creditCode}/plan`: the one-enterprise-one-policy plan of its stored projects.
    func enterprisePlan(_ req: Request) async throws -> Response {
        let detail = try PlanDetail(req)
        let date = try req.evaluationDate()
        let code = req.parameters.get("creditCode") ?? ""
        _ = try visibility(req).require(try await store(req).enterprise(code), code: code)
        let (enterprise, projects) = try await store(req).projects(of: code)
        guard !projects.isEmpty else {
            throw RegistryError.conflict(LocalizedText(zh: "该企业尚无项目", en: "the enterprise has no projects yet"))
        }
        let file = ProjectFile(enterprise: enterprise.domain(), projects: projects.map { $0.domain() })
        let plan = try await services.engine(checking: file.projects, enterprise: file.enterprise.creditCode, on: req.db).plan(for: file, on: date)
        return .json(detail == .summary ? PlanSummaryWriter.bytes(plan) : PlanJSONWriter.bytes(plan))
    }
}
