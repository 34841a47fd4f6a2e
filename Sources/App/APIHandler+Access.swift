import Foundation
import Registry

/// The account of the request a handler of the generated server is answering (see
/// `RequestContext`). Fails closed: a handler reached without one answers 401.
extension APIHandler {
    func access() throws -> RequestAccess {
        guard let access = RequestContext.current?.access else { throw Unauthorized.missing }
        return access
    }

    func visibility() throws -> Visibility { Visibility(try access().principal, vocabulary: vocabulary) }

    func requireVisibleProject(_ id: UUID) async throws {
        try await visibility().requireProject(id, orItsHistory: store)
    }
}
