import API
import Foundation
import Policy
import Registry

extension APIHandler {
    func rollingList(_ id: UUID) async throws -> Components.Schemas.RollingList {
        let m = try await lists.list(id)
        let entries = try m.entryViews().map { e in
            Components.Schemas.ListEntry(
                projectId: e.projectID.uuidString.lowercased(), projectCode: e.projectCode, creditCode: e.creditCode,
                enterpriseName: (e.sent ?? e.current).enterpriseName, name: (e.sent ?? e.current).name,
                recommendedTotal: (e.sent ?? e.current).recommendedTotal.decimalString, addedInVersion: e.addedInVersion,
                sent: e.sent.map(Self.facts), sentVersion: e.sentVersion, sentAt: e.sentAt,
                current: Self.facts(e.current), changedSinceSent: !e.changed.isEmpty,
                changed: e.changed.compactMap { .init(rawValue: $0) }, removedInVersion: e.removedInVersion)
        }
        let versions = m.versions.sorted { $0.version < $1.version }.map { v in
            Components.Schemas.ListVersion(version: v.version, createdAt: v.createdAt ?? Date(), note: v.note, added: v.added,
                                           removed: v.removed, publishedAt: v.publishedAt,
                                           sentTo: v.sentTo.split(separator: "\n").map(String.init))
        }
        return .init(id: id.uuidString.lowercased(), number: m.number, title: m.title,
                     status: .init(rawValue: m.status) ?? .draft, version: m.version, entries: entries, versions: versions)
    }

    static func facts(_ f: ListedFacts) -> Components.Schemas.ListedFacts {
        .init(name: f.name, enterpriseName: f.enterpriseName, status: .init(rawValue: f.status) ?? .reserve,
              declaredInvestment: f.declared?.decimalString, approvedInvestment: f.approved?.decimalString,
              recommendedTotal: f.recommendedTotal.decimalString, recommendedInstruments: f.recommendedInstruments,
              recommendedLines: f.recommendedLines.isEmpty ? nil : f.recommendedLines.map { .init(instrument: $0.instrument, amount: $0.amount.decimalString) })
    }

    func listRollingLists(_ input: Operations.ListRollingLists.Input) async throws -> Operations.ListRollingLists.Output {
        let all = try await lists.all()
        let summaries = try all.map { m in
            Components.Schemas.RollingListSummary(id: try m.requireID().uuidString.lowercased(), number: m.number, title: m.title,
                                                  status: .init(rawValue: m.status) ?? .draft, version: m.version,
                                                  entryCount: m.entries.filter { $0.removedInVersion == nil }.count,
                                                  updatedAt: m.updatedAt ?? m.createdAt ?? Date())
        }
        return .ok(.init(body: .json(summaries)))
    }

    func createRollingList(_ input: Operations.CreateRollingList.Input) async throws -> Operations.CreateRollingList.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let number = body.number.trimmingCharacters(in: .whitespaces), title = body.title.trimmingCharacters(in: .whitespaces)
        var issues: [ValidationIssue] = []
        if number.isEmpty { issues.append(ValidationIssue(path: "$.number", zh: "不能为空", en: "must not be empty")) }
        if title.isEmpty { issues.append(ValidationIssue(path: "$.title", zh: "不能为空", en: "must not be empty")) }
        check(body.number, .code, at: "$.number", into: &issues)
        check(body.title, .name, at: "$.title", into: &issues)
        check(body.note, .note, at: "$.note", into: &issues)
        try refuse(issues)
        let id = try await lists.create(number: number, title: title, note: body.note, by: currentActor())
        return .created(.init(body: .json(try await rollingList(id))))
    }

    func getRollingList(_ input: Operations.GetRollingList.Input) async throws -> Operations.GetRollingList.Output {
        .ok(.init(body: .json(try await rollingList(try uuid(input.path.id)))))
    }

    func reviseRollingList(_ input: Operations.ReviseRollingList.Input) async throws -> Operations.ReviseRollingList.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let id = try uuid(input.path.id)
        var issues: [ValidationIssue] = []
        func ids(_ texts: [String], _ key: String) -> [UUID] {
            texts.enumerated().compactMap { k, t in
                if let u = UUID(uuidString: t) { return u }
                issues.append(ValidationIssue(path: "$.\(key)[\(k)]", zh: "不是有效的项目 UUID", en: "not a valid project UUID"))
                return nil
            }
        }
        let add = ids(body.add, "add"), remove = ids(body.remove, "remove")
        check(body.note, .note, at: "$.note", into: &issues)
        if add.isEmpty && remove.isEmpty && issues.isEmpty {
            issues.append(ValidationIssue(path: "$", zh: "修订至少增加或移除一个项目", en: "a revision adds or removes at least one project"))
        }
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        try await lists.revise(id, add: add, remove: remove, note: body.note, by: currentActor())
        return .ok(.init(body: .json(try await rollingList(id))))
    }

    func publishRollingList(_ input: Operations.PublishRollingList.Input) async throws -> Operations.PublishRollingList.Output {
        let id = try uuid(input.path.id)
        try await lists.publish(id, engine: services.engine, by: currentActor())
        return .ok(.init(body: .json(try await rollingList(id))))
    }

    func sendRollingList(_ input: Operations.SendRollingList.Input) async throws -> Operations.SendRollingList.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let id = try uuid(input.path.id)
        let recipients = body.recipients.map { $0.trimmingCharacters(in: .whitespaces) }
        if recipients.isEmpty || recipients.contains(where: \.isEmpty) {
            throw ValidationFailure(issues: [ValidationIssue(path: "$.recipients", zh: "至少一个非空的接收方", en: "at least one recipient, none empty")])
        }
        var issues: [ValidationIssue] = []
        for (i, recipient) in body.recipients.enumerated() { check(recipient, .name, at: "$.recipients[\(i)]", into: &issues) }
        try refuse(issues)
        try await lists.send(id, to: recipients, by: currentActor())
        return .ok(.init(body: .json(try await rollingList(id))))
    }
}
