import FluentKit
import Foundation
import Policy
import Workflow

extension ApplicationStore {
    /// A draft application for a project: for its recommended combination (`instruments` nil) or
    /// for instruments the enterprise chose among it. One open application a project at a time.
    public func create(projectID: UUID, instruments chosen: [String]?, on day: Day, by who: AuditActor) async throws -> UUID {
        try await db.transaction { db in
            guard let project = try await ProjectStore.fullQuery(on: db).filter(\.$id == projectID).first() else {
                throw ProjectStore.projectNotFound(projectID)
            }
            let open = try await ApplicationModel.query(on: db).filter(\.$project.$id == projectID).all()
                .filter { !(ApplicationState(rawValue: $0.state)?.isFinal ?? true) }
            if let existing = open.first {
                throw RegistryError.conflict(LocalizedText(
                    zh: "该项目已有未办结的申报 \(try existing.requireID().uuidString.lowercased())，请在其中继续",
                    en: "the project already has an open application \(try existing.requireID().uuidString.lowercased()); continue with it"))
            }
            let domain = project.domain()
            let lines = try await engine.checkingLibraries(of: [domain], enterprise: project.enterprise.creditCode, scenarios: workflow.scenarios, on: db).evaluate(domain, on: day).recommendation.lines
            let instruments = try Self.instruments(chosen, recommended: lines.map(\.id), workflow: workflow)
            let model = ApplicationModel()
            let id = UUID()
            model.id = id
            model.$project.id = projectID
            model.creditCode = project.enterprise.creditCode
            model.district = project.district
            model.state = ApplicationState.draft.rawValue
            model.instruments = ProjectModel.instrumentList(instruments)
            model.chosen = chosen != nil
            Self.snapshot(domain, lines: lines, instruments: instruments, into: model)
            model.zeroLand = domain.zeroLand
            model.greenChannel = workflow.roster.greenChannel?.qualifies(categories: domain.categories,
                                                                         industryCode: project.enterprise.industryCode) ?? false
            model.revision = 1
            model.createdBy = who.name
            try await model.create(on: db)
            let t = ApplicationTransitionModel()
            t.$application.id = id
            t.toState = ApplicationState.draft.rawValue
            t.event = "create"
            t.day = day.description
            t.at = Date()
            t.actorName = who.name
            try await t.create(on: db)
            try await AuditTrail.append(AuditChange(action: "application.create", subjectType: "application", subjectID: id.uuidString.lowercased(),
                                                    caseID: id.uuidString.lowercased(),
                                                    after: AuditChange.state(["project": projectID.uuidString.lowercased(), "state": model.state,
                                                                              "instruments": instruments.joined(separator: ","),
                                                                              "requestedFen": String(model.requestedFen)])), by: who, on: db)
            return id
        }
    }

    /// The instruments of a new application: the recommended ones, or the chosen ones if each
    /// is in the recommended combination and applied for on this platform (the national
    /// instruments are not). Problems by path `$.instruments[k]`.
    static func instruments(_ chosen: [String]?, recommended: [String], workflow: WorkflowLibrary) throws -> [String] {
        let applicable = recommended.filter { !workflow.materials.notAppliedHere.contains($0) }
        guard let chosen else {
            if applicable.isEmpty {
                throw RegistryError.conflict(LocalizedText(zh: "该项目按现行政策没有可申报的市级支持", en: "under the policy in force the project has no city support to apply for"))
            }
            return applicable
        }
        var issues: [ValidationIssue] = []
        if chosen.isEmpty { issues.append(ValidationIssue(path: "$.instruments", zh: "请至少选择一项政策", en: "choose at least one instrument")) }
        for (k, id) in chosen.enumerated() where !applicable.contains(id) {
            issues.append(ValidationIssue(path: "$.instruments[\(k)]",
                zh: workflow.materials.notAppliedHere.contains(id) ? "\(id) 为国家政策，不在本平台申报" : "\(id) 不在该项目的推荐组合中，不能申报",
                en: workflow.materials.notAppliedHere.contains(id) ? "\(id) is a national instrument, not applied for here" : "\(id) is not in the project's recommended combination"))
        }
        if Set(chosen).count != chosen.count { issues.append(ValidationIssue(path: "$.instruments", zh: "政策重复", en: "an instrument is listed twice")) }
        if !issues.isEmpty { throw RegistryError.invalid(issues) }
        return applicable.filter(chosen.contains)
    }

    /// What is sent: the project as it is and the engine's amount of each instrument applied for.
    static func snapshot(_ project: Project, lines: [InstrumentResult], instruments: [String], into model: ApplicationModel) {
        model.projectJSON = ProjectFileWriter.project(project).serialized()
        var requested: [String: String?] = [:]
        var total = Money.zero
        for line in lines where instruments.contains(line.id) {
            requested[line.id] = line.amount.decimalString
            total += line.amount
        }
        model.requestedJSON = AuditChange.state(requested)
        model.requestedFen = total.fen
    }
}
