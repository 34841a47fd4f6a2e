import API
import Foundation
import Policy

extension APIHandler {
    func matchProjectFile(_ input: Operations.MatchProjectFile.Input) async throws -> Operations.MatchProjectFile.Output {
        try match(input)
    }

    // Synchronous and never inlined into the async operation: Swift 6.3's optimiser crashes
    // (signal 11 splitting the coroutine, in release builds only) when this body is inlined there.
    @inline(never)
    func match(_ input: Operations.MatchProjectFile.Input) throws -> Operations.MatchProjectFile.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let file = try validated(ProjectFileReader.read(try Recode.tree(body), vocabulary: vocabulary))
        let plan = app.engine.plan(for: file, on: try day(input.query.date))
        return .ok(.init(body: .json(try Recode.convert(plan))))
    }
}
