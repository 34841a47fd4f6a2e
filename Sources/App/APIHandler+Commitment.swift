import API
import Foundation
import Policy
import Registry
import Workflow

/// Commitment filing (承诺备案): file on commitment, the filings, the verification sample and
/// the verifications. Whose filings an account reaches is its `Visibility`'s scope (another
/// enterprise's filing is 404); the day is the platform's today (`PlatformClock`).
extension APIHandler {
    var commitments: CommitmentStore { services.commitmentStore() }

    func fileOnCommitment(_ input: Operations.FileOnCommitment.Input) async throws -> Operations.FileOnCommitment.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        guard let id = UUID(uuidString: body.applicationId) else {
            throw ValidationFailure(issues: [ValidationIssue(path: "$.applicationId", zh: "不是有效的 UUID：\(body.applicationId)",
                                                             en: "not a valid UUID: \(body.applicationId)")])
        }
        let filing = try await commitments.file(applicationID: id, on: services.clock.today(), by: currentActor(), scope: try visibility().scope)
        return .created(.init(body: .json(try Self.filing(filing, verifications: []))))
    }

    func listCommitmentFilings(_ input: Operations.ListCommitmentFilings.Input) async throws -> Operations.ListCommitmentFilings.Output {
        let (page, perPage) = try page(input.query.page, input.query.perPage)
        let status = input.query.status.flatMap { CommitmentFilingStatus(rawValue: $0.rawValue) }
        let found = try await commitments.filings(scope: try visibility().scope, status: status, page: page, perPage: perPage)
        var items: [Components.Schemas.CommitmentFiling] = []
        for f in found.items { items.append(try Self.filing(f, verifications: try await commitments.verifications(of: f.requireID()))) }
        return .ok(.init(body: .json(.init(items: items, page: page, perPage: perPage, total: found.total))))
    }

    func getCommitmentFiling(_ input: Operations.GetCommitmentFiling.Input) async throws -> Operations.GetCommitmentFiling.Output {
        let id = try uuid(input.path.id)
        let f = try await commitments.filing(id, scope: try visibility().scope)
        return .ok(.init(body: .json(try Self.filing(f, verifications: try await commitments.verifications(of: id)))))
    }

    func verifyCommitmentFiling(_ input: Operations.VerifyCommitmentFiling.Input) async throws -> Operations.VerifyCommitmentFiling.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        check(body.reasons, .note, at: "$.reasons", into: &issues)
        try refuse(issues)
        let id = try uuid(input.path.id)
        let store = commitments
        _ = try await store.verify(id, kept: body.kept, reasons: body.reasons, on: services.clock.today(), by: currentActor(), scope: try visibility().scope)
        let f = try await store.filing(id)
        return .created(.init(body: .json(try Self.filing(f, verifications: try await store.verifications(of: id)))))
    }

    func drawCommitmentSample(_ input: Operations.DrawCommitmentSample.Input) async throws -> Operations.DrawCommitmentSample.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        let from = Day(iso: body.from), to = Day(iso: body.to)
        if from == nil { issues.append(ValidationIssue(path: "$.from", zh: "应为日期 YYYY-MM-DD：\(body.from)", en: "must be a date YYYY-MM-DD: \(body.from)")) }
        if to == nil { issues.append(ValidationIssue(path: "$.to", zh: "应为日期 YYYY-MM-DD：\(body.to)", en: "must be a date YYYY-MM-DD: \(body.to)")) }
        var rate: Decimal?
        if let text = body.rate {
            if text.range(of: #"^(0(\.[0-9]{1,4})?|1(\.0{1,4})?)$"#, options: .regularExpression) != nil,
               let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value > 0 {
                rate = value
            } else {
                issues.append(ValidationIssue(path: "$.rate", zh: "抽查比例应为大于 0、不大于 1 的小数（最多 4 位小数），如 \"0.20\"：\(text)",
                                              en: "the rate must be a decimal above 0 and at most 1 (at most 4 decimals), such as \"0.20\": \(text)"))
            }
        }
        var seed: UInt64?
        if let text = body.seed {
            seed = CommitmentStore.seed(text)
            if seed == nil { issues.append(ValidationIssue(path: "$.seed", zh: "种子应为 1 至 16 位十六进制数字：\(text)", en: "the seed must be 1 to 16 hexadecimal digits: \(text)")) }
        }
        try refuse(issues)
        let sample = try await commitments.draw(from: from!, to: to!, rate: rate, seed: seed, on: services.clock.today(), by: currentActor())
        return .created(.init(body: .json(try Self.sample(sample))))
    }

    func listCommitmentSamples(_ input: Operations.ListCommitmentSamples.Input) async throws -> Operations.ListCommitmentSamples.Output {
        .ok(.init(body: .json(try await commitments.samples().map(Self.sample))))
    }

    func getCommitmentSample(_ input: Operations.GetCommitmentSample.Input) async throws -> Operations.GetCommitmentSample.Output {
        .ok(.init(body: .json(try Self.sample(try await commitments.sample(try uuid(input.path.id))))))
    }

    static func filing(_ f: CommitmentFilingModel, verifications: [CommitmentVerificationModel]) throws -> Components.Schemas.CommitmentFiling {
        .init(id: try f.requireID().uuidString.lowercased(), number: f.number, filedOn: f.filedOn,
              applicationId: f.$application.id.uuidString.lowercased(), projectId: f.$project.id.uuidString.lowercased(),
              creditCode: f.creditCode, district: f.district, status: .init(rawValue: f.status) ?? .filed,
              commitmentSha256: f.commitmentSHA256, projectStatusBefore: .init(rawValue: f.projectStatusBefore) ?? .reserve,
              movedProject: f.movedProject, sampleId: f.sampleID?.uuidString.lowercased(), revokedOn: f.revokedOn,
              revocationReasons: f.revocationReasons, filedBy: f.filedBy,
              verifications: try verifications.map { v in
                  .init(id: try v.requireID().uuidString.lowercased(), sampleId: v.sampleID?.uuidString.lowercased(),
                        outcome: .init(rawValue: v.outcome) ?? .kept, reasons: v.reasons,
                        statusBefore: .init(rawValue: v.statusBefore) ?? .filed, statusAfter: .init(rawValue: v.statusAfter) ?? .filed,
                        projectStatusBefore: v.projectStatusBefore.flatMap { .init(rawValue: $0) },
                        projectStatusAfter: v.projectStatusAfter.flatMap { .init(rawValue: $0) },
                        verifiedOn: v.verifiedOn, verifiedBy: v.verifiedBy, applicationId: v.applicationID.uuidString.lowercased(),
                        projectId: v.projectID.uuidString.lowercased(), creditCode: v.creditCode)
              })
    }

    static func sample(_ s: CommitmentSampleModel) throws -> Components.Schemas.CommitmentSample {
        .init(id: try s.requireID().uuidString.lowercased(), from: s.periodFrom, to: s.periodTo, seed: s.seed, rate: s.rate,
              population: s.population, populationNumbers: s.populationNumbers, selected: s.selectedNumbers,
              drawnOn: s.drawnOn, drawnBy: s.drawnBy, reproducible: CommitmentStore.reproduces(s))
    }
}
