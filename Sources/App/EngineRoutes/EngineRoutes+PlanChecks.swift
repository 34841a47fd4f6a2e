import Fluent
import Foundation
import Policy
import Registry
import Vapor

/// A stored project's smart-factory assessments (十二) and second-hand gradings (十五): bodies
/// read by the engine's reader (the same checks as a project file's `planChecks`), each filed
/// as the next version together with the project's own `planChecks`, in one transaction, so
/// that the project's plan (instrument 12's tiers, the checks of 7a/7b/7c) follows the filing.
extension EngineRoutes {
    func planChecks(on db: any Database) -> PlanCheckStore { PlanCheckStore(db: db, library: library) }

    func fileSmartFactoryAssessment(_ req: Request) async throws -> Response {
        let answers = try validated(ProjectFileReader.readAssessment(try req.engineJSON(), vocabulary: library.vocabulary))
        let m = try await visibleProject(req)
        let id = try m.requireID(), actor = req.auditActor
        let saved = try await req.db.transaction { db in
            let a = try await planChecks(on: db).fileAssessment(project: m, answers: answers, by: actor)
            var p = m.domain()
            var checks = p.planChecks ?? PlanChecks()
            checks.smartFactory = answers
            p.planChecks = checks
            try await services.projectStore(on: db).replaceProject(id, with: p, by: actor)
            return a
        }
        return .json(Array(PlanCheckJSON.assessment(saved, library: library).serialized().utf8), status: .created)
    }

    func listSmartFactoryAssessments(_ req: Request) async throws -> Response {
        let m = try await visibleProject(req)
        let id = try m.requireID()
        let list = try await planChecks(on: req.db).assessments(projectID: id)
        let body = JSONValue.object([("projectId", .string(id.uuidString.lowercased())),
                                     ("assessments", .array(list.map { PlanCheckJSON.assessment($0, library: library) }))])
        return .json(Array(body.serialized().utf8))
    }

    func fileSecondHandGradings(_ req: Request) async throws -> Response {
        let json = try req.engineJSON()
        let m = try await visibleProject(req)
        let items = try validated(ProjectFileReader.readSecondHand(json, equipmentCount: m.equipment.count, vocabulary: library.vocabulary))
        let id = try m.requireID(), actor = req.auditActor
        let saved = try await req.db.transaction { db in
            let g = try await planChecks(on: db).fileGradings(project: m, items: items, by: actor)
            var p = m.domain()
            var checks = p.planChecks ?? PlanChecks()
            checks.secondHand = items
            p.planChecks = checks
            try await services.projectStore(on: db).replaceProject(id, with: p, by: actor)
            return g
        }
        return .json(Array(PlanCheckJSON.grading(saved, equipment: m.domain().equipment, library: library).serialized().utf8), status: .created)
    }

    func listSecondHandGradings(_ req: Request) async throws -> Response {
        let m = try await visibleProject(req)
        let id = try m.requireID()
        let equipment = m.domain().equipment
        let list = try await planChecks(on: req.db).gradings(projectID: id)
        let body = JSONValue.object([("projectId", .string(id.uuidString.lowercased())),
                                     ("gradings", .array(list.map { PlanCheckJSON.grading($0, equipment: equipment, library: library) }))])
        return .json(Array(body.serialized().utf8))
    }
}

/// The answers of the plan-check operations, as the contract's `SmartFactoryAssessment` and
/// `SecondHandGradings` describe them.
enum PlanCheckJSON {
    static func text(_ t: LocalizedText) -> JSONValue { .object([("zh", .string(t.zh)), ("en", .string(t.en))]) }

    static func assessment(_ m: SmartFactoryAssessmentModel, library: PolicyLibrary) -> JSONValue {
        let levels = library.smartFactory?.levels ?? []
        func side(_ hundredths: Int, _ level: String?, _ answers: String) -> JSONValue {
            let score = SmartFactoryScore(hundredths: hundredths, level: nil, lines: [])
            let name = level.flatMap { id in levels.first { $0.id == id }?.name }
            var members: [(key: String, value: JSONValue)] = [("score", .string(score.text))]
            if let level { members.append(("level", .string(level))) }
            members.append(("levelName", text(name ?? LocalizedText(zh: "未达到任何等级", en: "no level reached"))))
            members.append(("answers", (try? JSONParser.parse(answers)) ?? .object([])))
            return .object(members)
        }
        return .object([
            ("id", .string((m.id ?? UUID()).uuidString.lowercased())),
            ("projectId", .string(m.$project.id.uuidString.lowercased())),
            ("version", .number(String(m.version))),
            ("questionnaire", .string(m.questionnaire)),
            ("before", side(m.scoreBefore, m.levelBefore, m.answersBefore)),
            ("after", side(m.scoreAfter, m.levelAfter, m.answersAfter)),
            ("recordedBy", .string(m.recordedBy)),
            ("recordedAt", .string(m.recordedAt.ISO8601Format())),
        ])
    }

    static func grading(_ m: SecondHandGradingModel, equipment: [EquipmentItem], library: PolicyLibrary) -> JSONValue {
        // The items are kept as a planChecks object of the project format ({"secondHand": […]}).
        let items = PlanChecks.stored(m.items)?.secondHand ?? []
        let judged: (held: Bool, explanation: LocalizedText) = library.secondHandScale?.judge(items, equipment: equipment)
            ?? (held: false, explanation: LocalizedText(zh: "政策库无二手设备分级标准", en: "the policy library has no second-hand grading scale"))
        return .object([
            ("id", .string((m.id ?? UUID()).uuidString.lowercased())),
            ("projectId", .string(m.$project.id.uuidString.lowercased())),
            ("version", .number(String(m.version))),
            ("scale", .string(m.scale)),
            ("items", ((try? JSONParser.parse(m.items))?["secondHand"]) ?? .array([])),
            ("held", .bool(judged.held)),
            ("explanation", text(judged.explanation)),
            ("recordedBy", .string(m.recordedBy)),
            ("recordedAt", .string(m.recordedAt.ISO8601Format())),
        ])
    }
}
