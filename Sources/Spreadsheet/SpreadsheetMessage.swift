/// A message about a spreadsheet, in Chinese and English (the platform's texts are bilingual,
/// Chinese first); the project tables turn it into the engine's `LocalizedText`.
public struct SpreadsheetMessage: Sendable, Equatable, CustomStringConvertible {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public var description: String { en }
}
