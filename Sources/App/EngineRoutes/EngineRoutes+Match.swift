import Policy
import Vapor

extension EngineRoutes {
    /// `POST /api/match`: a project file's plan, not stored. `detail=summary` answers with the
    /// compact form (the recommended combination, amounts, and per instrument matched or not with
    /// the condition that failed).
    func match(_ req: Request) async throws -> Response {
        let detail = try PlanDetail(req)
        let file = try validated(ProjectFileReader.read(try req.engineJSON(), vocabulary: library.vocabulary))
        let date = try req.evaluationDate()
        let plan = try await services.engine(checking: file.projects, enterprise: file.enterprise.creditCode, on: req.db).plan(for: file, on: date)
        return .json(detail == .summary ? PlanSummaryWriter.bytes(plan) : PlanJSONWriter.bytes(plan))
    }
}

/// How much of a plan the caller wants.
enum PlanDetail: String {
    case full, summary

    init(_ req: Request) throws {
        guard req.url.query != nil, let text = req.query[String.self, at: "detail"] else { self = .full; return }
        guard let detail = PlanDetail(rawValue: text) else {
            throw BadRequest("参数 detail 应为 full 或 summary：\(text)", "parameter detail must be full or summary: \(text)", path: "detail")
        }
        self = detail
    }
}
