import FluentKit
import Foundation
import Policy
import Workflow

/// One expert's opinion in the review (专家意见).
public struct ExpertOpinion: Sendable, Codable, Equatable {
    public var expert: String
    /// `support` or `oppose`.
    public var verdict: String
    public var comments: String?

    public init(expert: String, verdict: String, comments: String? = nil) {
        self.expert = expert
        self.verdict = verdict
        self.comments = comments
    }
}

extension CatalogueStore {
    /// Records the expert review of a submitted product: passed, it goes to the committee; failed,
    /// it is rejected. At least `min_opinions` opinions (catalogue.yaml), else 422.
    public func review(_ key: String, pass: Bool, opinions: [ExpertOpinion], on day: Day, role: Role, by who: AuditActor) async throws -> CatalogueProductModel {
        if opinions.count < rules.minExpertOpinions {
            throw RegistryError.invalid([ValidationIssue(path: "$.opinions", zh: "至少需要 \(rules.minExpertOpinions) 位专家的意见，收到 \(opinions.count) 份",
                                                         en: "at least \(rules.minExpertOpinions) experts' opinions are needed; \(opinions.count) given")])
        }
        return try await db.transaction { db in
            let p = try await Self.lock(key, on: db)
            if let refusal = CatalogueStep.review.refusal(in: Self.status(p), by: role) { throw RegistryError.conflict(refusal) }
            let r = CatalogueReviewModel()
            r.id = UUID()
            r.$product.id = try p.requireID()
            r.conclusion = pass ? "pass" : "fail"
            r.opinionsJSON = String(decoding: try JSONEncoder().encode(opinions), as: UTF8.self)
            r.reviewedOn = day.iso
            r.reviewedBy = who.name
            r.reviewedAt = Date()
            try await r.create(on: db)
            try await Self.move(p, to: pass ? .inCommittee : .rejected, action: "catalogue.review",
                                detail: ["conclusion": r.conclusion, "opinions": String(opinions.count), "reviewedOn": r.reviewedOn],
                                by: who, on: db)
            return p
        }
    }
}
