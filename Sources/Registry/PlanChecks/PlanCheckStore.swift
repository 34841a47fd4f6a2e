import FluentKit
import Foundation
import Policy
import Workflow

/// The smart-factory assessments (十二) and second-hand gradings (十五) filed for a project:
/// each appended as the next version with its audit entry, in the caller's transaction when it
/// has one (the API files the record and the project's `planChecks` together). The score and
/// level are the engine's (`SmartFactoryQuestionnaire.score`); this store only keeps them.
public struct PlanCheckStore: Sendable {
    public let db: any Database
    public let library: PolicyLibrary

    public init(db: any Database, library: PolicyLibrary) {
        self.db = db
        self.library = library
    }

    /// The most versions kept per project and kind; more is not an assessment but a loop.
    public static let versionLimit = 500

    public func fileAssessment(project: ProjectModel, answers: SmartFactoryAnswers, by who: AuditActor) async throws -> SmartFactoryAssessmentModel {
        guard let q = library.smartFactory else {
            throw RegistryError.conflict(LocalizedText(zh: "政策库无智能工厂评估问卷", en: "the policy library has no smart-factory questionnaire"))
        }
        let projectID = try project.requireID()
        let before = q.score(answers.before), after = q.score(answers.after)
        return try await db.transaction { db in
            try await BudgetLock.take("smart-factory|\(projectID.uuidString)", on: db)
            let last = try await SmartFactoryAssessmentModel.query(on: db).filter(\.$project.$id == projectID)
                .sort(\.$version, .descending).first()
            let version = (last?.version ?? 0) + 1
            guard version <= Self.versionLimit else { throw Self.tooMany }
            let m = SmartFactoryAssessmentModel()
            m.id = UUID()
            m.$project.id = projectID
            m.version = version
            m.questionnaire = q.id
            m.answersBefore = Self.json(answers.before)
            m.answersAfter = Self.json(answers.after)
            m.scoreBefore = before.hundredths
            m.scoreAfter = after.hundredths
            m.levelBefore = before.level?.id
            m.levelAfter = after.level?.id
            m.recordedBy = who.name
            m.recordedAt = Date()
            try await m.create(on: db)
            func state(_ v: SmartFactoryAssessmentModel) -> String {
                AuditChange.state(["version": String(v.version), "questionnaire": v.questionnaire, "before": v.answersBefore,
                                   "after": v.answersAfter, "scoreBefore": String(v.scoreBefore), "scoreAfter": String(v.scoreAfter),
                                   "levelBefore": v.levelBefore, "levelAfter": v.levelAfter])
            }
            try await AuditTrail.append(AuditChange(action: "smart-factory.assess", subjectType: "project",
                                                    subjectID: projectID.uuidString.lowercased(), before: last.map(state), after: state(m)),
                                        by: who, on: db)
            return m
        }
    }

    public func assessments(projectID: UUID) async throws -> [SmartFactoryAssessmentModel] {
        try await SmartFactoryAssessmentModel.query(on: db).filter(\.$project.$id == projectID)
            .sort(\.$version, .descending).limit(Self.versionLimit).all()
    }

    public func fileGradings(project: ProjectModel, items: [SecondHandGrading], by who: AuditActor) async throws -> SecondHandGradingModel {
        guard let scale = library.secondHandScale else {
            throw RegistryError.conflict(LocalizedText(zh: "政策库无二手设备分级标准", en: "the policy library has no second-hand grading scale"))
        }
        let projectID = try project.requireID()
        let text = ProjectFileWriter.planChecks(PlanChecks(secondHand: items)).serialized()
        return try await db.transaction { db in
            try await BudgetLock.take("second-hand|\(projectID.uuidString)", on: db)
            let last = try await SecondHandGradingModel.query(on: db).filter(\.$project.$id == projectID)
                .sort(\.$version, .descending).first()
            let version = (last?.version ?? 0) + 1
            guard version <= Self.versionLimit else { throw Self.tooMany }
            let m = SecondHandGradingModel()
            m.id = UUID()
            m.$project.id = projectID
            m.version = version
            m.scale = scale.id
            m.items = text
            m.itemCount = items.count
            m.recordedBy = who.name
            m.recordedAt = Date()
            try await m.create(on: db)
            func state(_ v: SecondHandGradingModel) -> String {
                AuditChange.state(["version": String(v.version), "scale": v.scale, "items": v.items])
            }
            try await AuditTrail.append(AuditChange(action: "second-hand.grade", subjectType: "project",
                                                    subjectID: projectID.uuidString.lowercased(), before: last.map(state), after: state(m)),
                                        by: who, on: db)
            return m
        }
    }

    public func gradings(projectID: UUID) async throws -> [SecondHandGradingModel] {
        try await SecondHandGradingModel.query(on: db).filter(\.$project.$id == projectID)
            .sort(\.$version, .descending).limit(Self.versionLimit).all()
    }

    static let tooMany = RegistryError.conflict(LocalizedText(zh: "该项目的版本数已达上限（\(versionLimit)）", en: "the project has reached the most versions kept (\(versionLimit))"))

    /// Question id → option id as JSON, keys sorted (the same answers write the same text).
    static func json(_ answers: [String: String]) -> String {
        JSONValue.object(answers.keys.sorted().map { ($0, .string(answers[$0]!)) }).serialized()
    }
}
