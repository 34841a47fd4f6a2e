import Crypto
import FluentKit
import Foundation
import Policy
import Workflow

extension ApplicationStore {
    /// The largest material accepted, in bytes.
    public static let materialSizeLimit = 20 * 1024 * 1024  // RequestLimits.material refuses larger at the door

    /// Stores an uploaded material for a checklist item of the application. Its kind is found
    /// from its bytes and must be one the item accepts. A deferred item uploaded after 容缺受理
    /// is marked supplied; when it was the last, the application moves on (`supplement`).
    public func addMaterial(_ id: UUID, item: String, fileName: String, data: Data, on day: Day, by who: AuditActor) async throws -> UUID {
        try await db.transaction { db in
            let model = try await Self.lock(id, on: db)
            let state = ApplicationState(rawValue: model.state) ?? .draft
            var checklist = workflow.materials.items(for: model.instrumentIDs)
            // The signed commitment of commitment filing (承诺备案) is not one of the instruments'
            // items: a zero-land application may add it at any time before the case is closed
            // (whether the project qualifies is the filing's to decide).
            let commitmentItem = workflow.process.commitmentFiling.commitmentItem
            let isCommitment = item == commitmentItem && model.zeroLand && !state.isFinal
            if isCommitment, let entry = workflow.materials.items[commitmentItem], !checklist.contains(where: { $0.id == commitmentItem }) {
                checklist.append(entry)
            }
            guard let entry = checklist.first(where: { $0.id == item }) else {
                throw RegistryError.invalid([ValidationIssue(path: "item",
                    zh: "\(item) 不是本申报材料清单中的项目（可选：\(checklist.map(\.id).joined(separator: "、"))）",
                    en: "\(item) is not an item of this application's checklist (one of: \(checklist.map(\.id).joined(separator: ", ")))")])
            }
            let deferral = model.deferrals.first { $0.item == item && $0.suppliedOn == nil }
            let open: Set<ApplicationState> = [.draft, .returned, .submitted]
            guard open.contains(state) || deferral != nil || isCommitment else {
                throw RegistryError.conflict(LocalizedText(zh: "申报处于“\(state.label.zh)”状态，不能再上传该材料",
                                                           en: "materials cannot be added to this item while the application is \(state.label.en)"))
            }
            guard !data.isEmpty, data.count <= Self.materialSizeLimit else {
                throw RegistryError.invalid([ValidationIssue(path: "body", zh: "文件为空或超过 \(Self.materialSizeLimit / 1024 / 1024) MB",
                                                             en: "the file is empty or larger than \(Self.materialSizeLimit / 1024 / 1024) MB")])
            }
            guard let kind = ContentSniffer.kind(of: data), entry.accepted.contains(kind) else {
                let accepted = entry.accepted.map(\.rawValue).sorted().joined(separator: ", ")
                throw RegistryError.invalid([ValidationIssue(path: "body",
                    zh: "文件内容不是该材料接受的类型（\(accepted)）", en: "the file's content is not a kind this item accepts (\(accepted))")])
            }
            let material = ApplicationMaterialModel()
            let materialID = UUID()
            material.id = materialID
            material.$application.id = try model.requireID()
            material.item = item
            material.contentKind = kind.rawValue
            material.fileName = fileName
            material.size = Int64(data.count)
            material.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            material.data = data
            material.uploadedBy = who.name
            material.uploadedAt = Date()
            try await material.create(on: db)
            try await AuditTrail.append(AuditChange(action: "application.material", subjectType: "application", subjectID: id.uuidString.lowercased(),
                                                    caseID: id.uuidString.lowercased(),
                                                    after: AuditChange.state(["item": item, "fileName": fileName, "kind": kind.rawValue,
                                                                              "size": String(data.count), "sha256": material.sha256])),
                                        by: who, on: db)
            if let deferral {
                deferral.suppliedOn = day.description
                try await deferral.save(on: db)
                let outstanding = model.deferrals.filter { $0.suppliedOn == nil }.map(\.item)
                try await move(model, by: .supplement, actor: .person(.enterprise), context: TransitionContext(outstandingDeferredItems: outstanding),
                               day: day, who: who, details: ["supplied": item], on: db)
            }
            return materialID
        }
    }

    /// A material's bytes and what is known of them, for those who may see the case.
    public func material(_ materialID: UUID, of id: UUID) async throws -> ApplicationMaterialModel {
        guard let m = try await ApplicationMaterialModel.query(on: db).filter(\.$id == materialID).filter(\.$application.$id == id).first() else {
            throw RegistryError.notFound(LocalizedText(zh: "未找到该材料", en: "no such material"))
        }
        return m
    }

    /// The materials that count for intake: the latest upload of each item.
    static func provided(_ materials: [ApplicationMaterialModel]) -> [ProvidedMaterial] {
        var latest: [String: ApplicationMaterialModel] = [:]
        for m in materials where latest[m.item].map({ $0.uploadedAt <= m.uploadedAt }) ?? true { latest[m.item] = m }
        return latest.values.compactMap { m in ContentKind(rawValue: m.contentKind).map { ProvidedMaterial(item: m.item, content: $0) } }
    }
}
