import API
import Foundation
import Policy

// TEMPORARY: replaced when the Tabular module lands (same session).
extension APIHandler {
    func exportRollingList(_ input: Operations.ExportRollingList.Input) async throws -> Operations.ExportRollingList.Output { throw BadRequest("x", "x") }
    func createImport(_ input: Operations.CreateImport.Input) async throws -> Operations.CreateImport.Output { throw BadRequest("x", "x") }
    func getImport(_ input: Operations.GetImport.Input) async throws -> Operations.GetImport.Output { throw BadRequest("x", "x") }
    func exportProjects(_ input: Operations.ExportProjects.Input) async throws -> Operations.ExportProjects.Output { throw BadRequest("x", "x") }
}
