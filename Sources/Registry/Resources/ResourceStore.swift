import FluentKit
import Foundation
import Policy
import Workflow

/// The resource library (资源库): pilot bases, financial products, service providers — written
/// with their audit entry and a kept version in one transaction, searched, and offered to a
/// project where the rules of `resources.yaml` say they fit.
public struct ResourceStore: Sendable {
    public let db: any Database
    public let rules: ResourceRules
    public let vocabulary: Vocabulary

    public init(db: any Database, rules: ResourceRules, vocabulary: Vocabulary) {
        self.db = db
        self.rules = rules
        self.vocabulary = vocabulary
    }

    public func resource(_ id: UUID) async throws -> ResourceModel {
        guard let m = try await ResourceModel.find(id, on: db) else {
            throw RegistryError.notFound(LocalizedText(zh: "未找到资源 \(id.uuidString.lowercased())", en: "no resource \(id.uuidString.lowercased())"))
        }
        return m
    }

    public static func draft(of m: ResourceModel) -> ResourceDraft {
        (try? JSONDecoder().decode(ResourceDraft.self, from: Data(m.details.utf8))) ?? ResourceDraft(kind: m.kind, name: m.name)
    }

    /// Writes a new resource (`id` nil) or the next version of one. `institution`, when given,
    /// is the only institution whose product the caller may write (a bank's or lessor's account):
    /// another's is 404, as if it did not exist.
    public func save(_ draft: ResourceDraft, id: UUID? = nil, onlyInstitution: String? = nil, by who: AuditActor) async throws -> ResourceModel {
        // Another institution's product is not found for a bank, whatever the body says.
        if let id, let only = onlyInstitution, try await ResourceModel.find(id, on: db)?.institution != only {
            throw RegistryError.notFound(LocalizedText(zh: "未找到资源 \(id.uuidString.lowercased())", en: "no resource \(id.uuidString.lowercased())"))
        }
        let issues = draft.problems(vocabulary: vocabulary, rules: rules)
        if !issues.isEmpty { throw RegistryError.invalid(issues) }
        if let only = onlyInstitution, draft.kind != ResourceKind.financialProduct.rawValue || draft.institution != only {
            throw RegistryError.invalid([ValidationIssue(path: "$.institution", zh: "银行或融资租赁机构只能维护本机构的金融产品（\(only)）",
                                                         en: "a bank or lessor keeps its own institution's financial products only (\(only))")])
        }
        var normal = draft
        normal.district = draft.districtID(vocabulary)
        let stored = normal
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(stored), as: UTF8.self)
        return try await db.transaction { db in
            let m: ResourceModel
            var before: String?
            if let id {
                guard let found = try await ResourceModel.find(id, on: db), onlyInstitution == nil || found.institution == onlyInstitution else {
                    throw RegistryError.notFound(LocalizedText(zh: "未找到资源 \(id.uuidString.lowercased())", en: "no resource \(id.uuidString.lowercased())"))
                }
                if found.kind != draft.kind {
                    throw RegistryError.conflict(LocalizedText(zh: "资源种类不能更改（\(found.kind)）", en: "a resource's kind cannot change (\(found.kind))"))
                }
                m = found
                before = found.details
                m.version += 1
            } else {
                m = ResourceModel()
                m.id = UUID()
                m.version = 1
                m.createdAt = Date()
            }
            m.kind = draft.kind
            m.name = draft.name.trimmingCharacters(in: .whitespaces)
            m.institution = draft.institution
            m.district = stored.district
            m.productType = draft.productType
            m.industries = "," + draft.industries.map { $0 + "," }.joined()
            m.details = json
            m.search = draft.searchText
            m.updatedAt = Date()
            try await m.save(on: db)
            let v = ResourceVersionModel()
            v.id = UUID()
            v.resourceID = try m.requireID()
            v.version = m.version
            v.details = json
            v.changedBy = who.name
            v.changedAt = m.updatedAt
            try await v.create(on: db)
            try await AuditTrail.append(AuditChange(action: id == nil ? "resource.create" : "resource.update", subjectType: "resource",
                                                    subjectID: try m.requireID().uuidString.lowercased(), before: before, after: json),
                                        by: who, on: db)
            return m
        }
    }

    public struct Search: Sendable {
        public var kind: String?
        public var text: String?
        public var district: String?
        public var productType: String?
        public var institution: String?
        /// An industry code (GB/T 4754): resources serving it (or every industry).
        public var industry: String?
        public init(kind: String? = nil, text: String? = nil, district: String? = nil, productType: String? = nil, institution: String? = nil, industry: String? = nil) {
            self.kind = kind
            self.text = text
            self.district = district
            self.productType = productType
            self.institution = institution
            self.industry = industry
        }
    }

    /// A page of the resources found, by kind and name, and how many there are.
    public func search(_ s: Search, page: Int, perPage: Int) async throws -> (items: [ResourceModel], total: Int) {
        var all = Self.ordered(try await query(s).all())
        if let code = s.industry { all = all.filter { m in m.industryList.isEmpty || m.industryList.contains { code.hasPrefix($0) } } }
        let start = min((page - 1) * perPage, all.count)
        return (Array(all[start..<min(start + perPage, all.count)]), all.count)
    }

    /// By kind, name and id, compared here: the two databases' collations order Chinese names differently.
    static func ordered(_ all: [ResourceModel]) -> [ResourceModel] {
        all.sorted { ($0.kind, $0.name, $0.id?.uuidString ?? "") < ($1.kind, $1.name, $1.id?.uuidString ?? "") }
    }

    func query(_ s: Search) -> QueryBuilder<ResourceModel> {
        var q = ResourceModel.query(on: db)
        if let k = s.kind { q = q.filter(\.$kind == k) }
        if let t = s.text?.lowercased(), !t.isEmpty { q = q.filter(\.$search, .contains(inverse: false, .anywhere), ListLibraryStore.literal(t)) }
        if let d = s.district { q = q.filter(\.$district == d) }
        if let p = s.productType { q = q.filter(\.$productType == p) }
        if let i = s.institution { q = q.filter(\.$institution == i) }
        return q
    }

    /// The resources that fit a project, each with the rule and its reason (`ResourceFit`).
    public func offers(for project: ResourceFit.ProjectFacts) async throws -> [(ResourceModel, ResourceFit.Offer)] {
        let kinds = Set(rules.fits.map(\.resource.rawValue))
        let all = Self.ordered(try await ResourceModel.query(on: db).filter(\.$kind ~~ Array(kinds)).all())
        let byID = Dictionary(uniqueKeysWithValues: all.compactMap { m in m.id.map { ($0.uuidString.lowercased(), m) } })
        let facts = all.compactMap { m -> ResourceFit.ResourceFacts? in
            guard let id = m.id, let kind = ResourceKind(rawValue: m.kind) else { return nil }
            return .init(id: id.uuidString.lowercased(), kind: kind, productType: m.productType, industries: m.industryList, district: m.district)
        }
        return ResourceFit.offers(project: project, resources: facts, rules: rules).compactMap { o in byID[o.resource].map { ($0, o) } }
    }
}
