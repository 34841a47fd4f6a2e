import Crypto
import FluentKit
import Foundation
import Policy
import Workflow

/// The parameter values officers save from a date on, and the library they make: the files'
/// library with every saved change laid over it, in the order saved.
public struct PolicyChangeStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    public func all() async throws -> [PolicyChangeModel] {
        try await PolicyChangeModel.query(on: db).sort(\.$savedAt).sort(\.$id).all()
    }

    /// The saved changes as an overlay of dated values.
    static func overlay(_ changes: [PolicyChangeModel]) -> ParameterOverlay {
        ParameterOverlay(changes: changes.map { ($0.key, .dated([(from: Day(iso: $0.from)!, value: $0.value)])) })
    }

    /// The library of the files with every saved change.
    public func library(over files: PolicyLibrary) async throws -> PolicyLibrary {
        try files.applying(Self.overlay(try await all()))
    }

    /// The library's version: the files' fingerprint and every saved change.
    public static func version(files: String, changes: [PolicyChangeModel]) -> String {
        guard !changes.isEmpty else { return files }
        var hasher = SHA256()
        hasher.update(data: Data(files.utf8))
        for c in changes { hasher.update(data: Data(";\(c.key)|\(c.from)|\(c.value)".utf8)) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The checks of a change before it is saved or previewed, every issue by path: `from` a date,
    /// `value` present and short, `note` within a note's limits, `key` a parameter of the library,
    /// and the value of the kind the library takes. Answers the day and the one-change overlay.
    /// The API and the parameters page both call it, so both say the same.
    public static func check(key: String, from: String, value: String, note: String?,
                             over current: PolicyLibrary) throws -> (from: Day, overlay: ParameterOverlay) {
        var issues: [ValidationIssue] = []
        let day = Day(iso: from)
        if day == nil { issues.append(ValidationIssue(path: "$.from", zh: "应为日期 YYYY-MM-DD", en: "must be a date YYYY-MM-DD")) }
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(ValidationIssue(path: "$.value", zh: "不能为空", en: "must not be empty"))
        } else if let problem = TextKind.code.problem(in: value) {
            issues.append(ValidationIssue(path: "$.value", zh: problem.zh, en: problem.en))
        }
        if let note, let problem = TextKind.note.problem(in: note) {
            issues.append(ValidationIssue(path: "$.note", zh: problem.zh, en: problem.en))
        }
        if current.parameters[key] == nil {
            issues.append(ValidationIssue(path: "$.key", zh: "政策库没有参数 \(key)", en: "the library has no parameter \(key)"))
        }
        guard issues.isEmpty, let day else { throw RegistryError.invalid(issues) }
        let overlay = ParameterOverlay(changes: [(key, .dated([(from: day, value: value)]))])
        do {
            _ = try current.applying(overlay)
        } catch let errors as PolicyLibraryErrors {
            throw RegistryError.invalid(errors.errors.map {
                ValidationIssue(path: "$.value", zh: "参数调整不被政策库接受：\($0.message)",
                                en: "the library refuses the change: \($0.message)")
            })
        }
        return (day, overlay)
    }

    /// Saves `value` for `key` from `from` on, if the library takes it (an unknown key or a value
    /// of the wrong kind is refused by path); answers the library in force afterwards.
    public func save(key: String, from: Day, value: String, note: String?, over current: PolicyLibrary,
                     by actor: AuditActor) async throws -> (change: PolicyChangeModel, library: PolicyLibrary) {
        let (_, overlay) = try Self.check(key: key, from: from.iso, value: value, note: note, over: current)
        let library = try current.applying(overlay)
        let before = current.parameters[key]?.value(on: from)?.description
        let model = PolicyChangeModel()
        model.id = UUID()
        model.key = key
        model.from = from.description
        model.value = value
        model.note = note
        model.savedBy = actor.name
        model.savedAt = Date()
        try await db.transaction { db in
            try await model.create(on: db)
            try await AuditTrail.append(AuditChange(action: "policy.change", subjectType: "parameter", subjectID: key,
                                                    before: AuditChange.state(["value": before, "from": from.description]),
                                                    after: AuditChange.state(["value": value, "from": from.description, "note": note])),
                                        by: actor, on: db)
        }
        return (model, library)
    }
}
