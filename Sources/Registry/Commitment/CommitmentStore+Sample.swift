import FluentKit
import Foundation
import Policy
import SQLKit
import Workflow

extension CommitmentStore {
    /// The seed as stored: 16 hexadecimal digits.
    public static func seedText(_ seed: UInt64) -> String {
        let hex = String(seed, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public static func seed(_ text: String) -> UInt64? {
        guard (1...16).contains(text.count), text.allSatisfy(\.isHexDigit) else { return nil }
        return UInt64(text, radix: 16)
    }

    /// Draws the verification sample of the filings made from `from` to `to` (both included):
    /// every filing of the period still `filed` is in the population; `CommitmentSample.draw`
    /// picks ⌈rate × population⌉ of them by the seed (a fresh one unless given), and those move
    /// to `selected_for_verification`. The period must be over (`to` before the draw day) and
    /// must not overlap the period of an earlier sample, so a filing is drawn from once.
    /// The sample is stored with its seed, rate and population and never changed.
    public func draw(from: Day, to: Day, rate: Decimal?, seed: UInt64?, on day: Day, by who: AuditActor) async throws -> CommitmentSampleModel {
        let rate = rate ?? rules.sampleRate
        var issues: [ValidationIssue] = []
        if from > to { issues.append(ValidationIssue(path: "$.to", zh: "期间的结束日不能早于开始日", en: "the period cannot end before it starts")) }
        if to >= day { issues.append(ValidationIssue(path: "$.to", zh: "只能对已结束的期间抽查（结束日应早于今天 \(day.iso)）",
                                                      en: "only a period that is over can be drawn from (it must end before today, \(day.iso))")) }
        if rate <= 0 || rate > 1 { issues.append(ValidationIssue(path: "$.rate", zh: "抽查比例应大于 0 且不大于 1", en: "the rate must be above 0 and at most 1")) }
        if !issues.isEmpty { throw RegistryError.invalid(issues) }
        let seed = seed ?? CommitmentSample.newSeed()
        return try await db.transaction { db in
            try await Self.advisoryLock(Self.drawLock, on: db)
            if let earlier = try await CommitmentSampleModel.query(on: db)
                .filter(\.$periodFrom <= to.description).filter(\.$periodTo >= from.description).first() {
                throw RegistryError.conflict(LocalizedText(
                    zh: "该期间与已抽查的期间 \(earlier.periodFrom) 至 \(earlier.periodTo) 重叠",
                    en: "the period overlaps the period already drawn from, \(earlier.periodFrom) to \(earlier.periodTo)"))
            }
            let filings = try await CommitmentFilingModel.query(on: db)
                .filter(\.$filedOn >= from.description).filter(\.$filedOn <= to.description)
                .filter(\.$status == CommitmentFilingStatus.filed.rawValue).all()
            if filings.isEmpty {
                throw RegistryError.conflict(LocalizedText(zh: "该期间没有待抽查的承诺备案", en: "the period has no filings to draw from"))
            }
            let sample = CommitmentSample.draw(filings: filings.map(\.number), rate: rate, seed: seed)
            let model = CommitmentSampleModel()
            let id = UUID()
            model.id = id
            model.periodFrom = from.description
            model.periodTo = to.description
            model.seed = Self.seedText(seed)
            model.rate = "\(rate)"
            model.population = sample.population
            model.populationJSON = CommitmentSampleModel.json(filings.map(\.number).sorted())
            model.selectedJSON = CommitmentSampleModel.json(sample.selected)
            model.drawnOn = day.description
            model.drawnBy = who.name
            model.drawnAt = Date()
            try await model.create(on: db)
            try await AuditTrail.append(AuditChange(action: "commitment.sample", subjectType: "commitment_sample", subjectID: id.uuidString.lowercased(),
                                                    after: AuditChange.state(["from": model.periodFrom, "to": model.periodTo, "seed": model.seed,
                                                                              "rate": model.rate, "population": String(model.population),
                                                                              "selected": sample.selected.joined(separator: ",")])),
                                        by: who, on: db)
            let selected = Set(sample.selected)
            for filing in filings where selected.contains(filing.number) {
                let before = filing.status
                filing.status = CommitmentFilingStatus.afterDraw(filing.number, sample: sample).rawValue
                filing.sampleID = id
                filing.revision += 1
                try await filing.save(on: db)
                try await AuditTrail.append(AuditChange(action: "commitment.select", subjectType: "commitment_filing",
                                                        subjectID: try filing.requireID().uuidString.lowercased(),
                                                        caseID: filing.$application.id.uuidString.lowercased(),
                                                        before: AuditChange.state(["status": before]),
                                                        after: AuditChange.state(["status": filing.status, "sample": id.uuidString.lowercased()])),
                                            by: who, on: db)
            }
            return model
        }
    }

    public static func sampleNotFound(_ id: UUID) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到抽查 \(id.uuidString.lowercased())", en: "no commitment sample \(id.uuidString.lowercased())"))
    }

    public func sample(_ id: UUID) async throws -> CommitmentSampleModel {
        guard let s = try await CommitmentSampleModel.find(id, on: db) else { throw Self.sampleNotFound(id) }
        return s
    }

    /// Every sample, the latest period first.
    public func samples() async throws -> [CommitmentSampleModel] {
        try await CommitmentSampleModel.query(on: db).sort(\.$periodFrom, .descending).all()
    }

    /// The sample drawn again from what it recorded: its seed, rate and population. Equal to the
    /// stored selection for every sample the platform drew (a check anyone can repeat).
    public static func redraw(_ model: CommitmentSampleModel) -> CommitmentSample? {
        guard let seed = seed(model.seed), let rate = Decimal(string: model.rate, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return CommitmentSample.draw(filings: model.populationNumbers, rate: rate, seed: seed)
    }

    /// Whether drawing again from the recorded seed gives the recorded selection.
    public static func reproduces(_ model: CommitmentSampleModel) -> Bool {
        redraw(model)?.selected == model.selectedNumbers
    }
}
