import Foundation

/// One row of a worksheet.
public struct XLSXRow: Sendable, Equatable {
    /// The row number as the sheet shows it (the first row is 1).
    public var number: Int
    /// The cells from column A on; gaps are empty strings.
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }
}
