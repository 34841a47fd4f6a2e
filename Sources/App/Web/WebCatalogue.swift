import Foundation
import Policy
import Yams

/// The pages' one string catalogue (`Resources/catalogue.yaml`): every key with its Chinese and
/// its English. Loaded at start; refused whole when a key lacks a language, so a page never
/// shows half a translation. A key that is not in the catalogue shows as `⟦key⟧` (the marker
/// the browser tests look for), never as an empty string.
struct WebCatalogue: Sendable {
    static let missingMarker = "⟦"
    let entries: [String: LocalizedText]

    struct Failure: Error, CustomStringConvertible {
        var problems: [String]
        var description: String { "catalogue.yaml: " + problems.joined(separator: "; ") }
    }

    init(entries: [String: LocalizedText]) { self.entries = entries }

    init(yaml: String) throws {
        guard let root = try Yams.load(yaml: yaml) as? [String: Any] else { throw Failure(problems: ["not a mapping of keys"]) }
        var entries: [String: LocalizedText] = [:]
        var problems: [String] = []
        for (key, value) in root {
            let map = value as? [String: Any] ?? [:]
            let zh = map["zh"] as? String, en = map["en"] as? String
            for (lang, text) in [("zh", zh), ("en", en)] where (text ?? "").isEmpty {
                problems.append("\(key): no \(lang)")
            }
            if let zh, let en { entries[key] = LocalizedText(zh: zh, en: en) }
        }
        guard problems.isEmpty else { throw Failure(problems: problems.sorted()) }
        self.entries = entries
    }

    static func load(directory: URL) throws -> WebCatalogue {
        try WebCatalogue(yaml: String(contentsOf: directory.appendingPathComponent("catalogue.yaml"), encoding: .utf8))
    }

    func text(_ key: String, _ lang: Language) -> String {
        entries[key]?.text(lang) ?? "\(Self.missingMarker)\(key)⟧"
    }

    /// Every string in one language, as the templates read them (`#(t.calc_title)`).
    func table(_ lang: Language) -> [String: String] { entries.mapValues { $0.text(lang) } }
}
