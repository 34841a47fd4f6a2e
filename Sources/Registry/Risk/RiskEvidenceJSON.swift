import Foundation
import Risk

/// A flag's evidence as stored: the partner projects, the other enterprises and the facts, in
/// JSON with sorted keys (the same evidence is always the same text).
public struct RiskEvidence: Sendable, Equatable, Codable {
    public var partners: [RiskProjectRef]
    public var enterprises: [String]
    public var facts: [RiskFact]

    public init(_ flag: RiskFlag) {
        self.init(partners: flag.partners, enterprises: flag.enterprises, facts: flag.facts)
    }

    public init(partners: [RiskProjectRef] = [], enterprises: [String] = [], facts: [RiskFact] = []) {
        self.partners = partners
        self.enterprises = enterprises
        self.facts = facts
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings and arrays of strings only: encoding cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    static func read(_ text: String) -> RiskEvidence? {
        try? JSONDecoder().decode(RiskEvidence.self, from: Data(text.utf8))
    }
}

extension RiskFlagModel {
    /// The stored evidence (a row the platform wrote always decodes; anything else reads as none).
    public var decodedEvidence: RiskEvidence { RiskEvidence.read(evidence) ?? RiskEvidence() }
}
