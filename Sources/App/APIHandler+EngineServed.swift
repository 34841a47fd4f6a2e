import API

/// The operations `EngineRoutes` serves (see `EngineServedOperations`). The generated protocol
/// requires a method for each, but `ContractTransport` never registers them with the generated
/// server, so none of these is reached; each says so if it ever were.
struct EngineServedOperation: Error, CustomStringConvertible {
    let operationId: String
    var description: String { "\(operationId) is served by EngineRoutes, not by the generated server" }
}

extension APIHandler {
    func matchProjectFile(_ input: Operations.MatchProjectFile.Input) async throws -> Operations.MatchProjectFile.Output {
        throw EngineServedOperation(operationId: "matchProjectFile")
    }

    func createEnterprise(_ input: Operations.CreateEnterprise.Input) async throws -> Operations.CreateEnterprise.Output {
        throw EngineServedOperation(operationId: "createEnterprise")
    }

    func updateEnterprise(_ input: Operations.UpdateEnterprise.Input) async throws -> Operations.UpdateEnterprise.Output {
        throw EngineServedOperation(operationId: "updateEnterprise")
    }

    func getEnterprisePlan(_ input: Operations.GetEnterprisePlan.Input) async throws -> Operations.GetEnterprisePlan.Output {
        throw EngineServedOperation(operationId: "getEnterprisePlan")
    }

    func createProject(_ input: Operations.CreateProject.Input) async throws -> Operations.CreateProject.Output {
        throw EngineServedOperation(operationId: "createProject")
    }

    func getProject(_ input: Operations.GetProject.Input) async throws -> Operations.GetProject.Output {
        throw EngineServedOperation(operationId: "getProject")
    }

    func updateProject(_ input: Operations.UpdateProject.Input) async throws -> Operations.UpdateProject.Output {
        throw EngineServedOperation(operationId: "updateProject")
    }

    func getProjectMatch(_ input: Operations.GetProjectMatch.Input) async throws -> Operations.GetProjectMatch.Output {
        throw EngineServedOperation(operationId: "getProjectMatch")
    }

    func changeProjectStatus(_ input: Operations.ChangeProjectStatus.Input) async throws -> Operations.ChangeProjectStatus.Output {
        throw EngineServedOperation(operationId: "changeProjectStatus")
    }

    func getProjectVersion(_ input: Operations.GetProjectVersion.Input) async throws -> Operations.GetProjectVersion.Output {
        throw EngineServedOperation(operationId: "getProjectVersion")
    }

    func fileSmartFactoryAssessment(_ input: Operations.FileSmartFactoryAssessment.Input) async throws -> Operations.FileSmartFactoryAssessment.Output {
        throw EngineServedOperation(operationId: "fileSmartFactoryAssessment")
    }

    func listSmartFactoryAssessments(_ input: Operations.ListSmartFactoryAssessments.Input) async throws -> Operations.ListSmartFactoryAssessments.Output {
        throw EngineServedOperation(operationId: "listSmartFactoryAssessments")
    }

    func fileSecondHandGradings(_ input: Operations.FileSecondHandGradings.Input) async throws -> Operations.FileSecondHandGradings.Output {
        throw EngineServedOperation(operationId: "fileSecondHandGradings")
    }

    func listSecondHandGradings(_ input: Operations.ListSecondHandGradings.Input) async throws -> Operations.ListSecondHandGradings.Output {
        throw EngineServedOperation(operationId: "listSecondHandGradings")
    }
}
