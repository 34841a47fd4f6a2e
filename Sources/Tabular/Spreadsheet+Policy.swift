import Policy
import Spreadsheet

// The spreadsheet module knows nothing of the engine; its days and messages become the
// engine's here.

extension SheetDay {
    init(_ day: Day) { self.init(year: day.year, month: day.month, day: day.day)! }
}

extension LocalizedText {
    init(_ message: SpreadsheetMessage) { self.init(zh: message.zh, en: message.en) }
}
