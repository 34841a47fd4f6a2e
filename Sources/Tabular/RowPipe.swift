import Foundation
import Policy
import Spreadsheet

/// Batches of raw rows from the parsing thread to the validating one, at most a few batches
/// ahead.
final class RowPipe: @unchecked Sendable {
    static let batchSize = 1024
    static let capacity = 4

    let queue = BoundedQueue<[RawRow]>(capacity: RowPipe.capacity)

    /// Adds a batch; false when the reader has gone (stop parsing).
    func put(_ batch: [RawRow]) -> Bool { batch.isEmpty ? !queue.isCancelled : queue.put(batch) }

    func close(_ failure: RowFailure?) { queue.close(failure) }

    /// The next batch, or nil at the end (with the failure that ended the file early, if any).
    func take() -> ([RawRow]?, RowFailure?) { queue.take() }

    func cancel() { queue.cancel() }

    struct Cancelled: Error {}

    /// Opens the source (errors that make it no table are thrown here) and starts parsing it on
    /// a thread of its own.
    static func start(format: TabularFormat, source: TabularSource) throws -> RowPipe {
        let pipe = RowPipe()
        switch format {
        case .csv:
            let reader: CSVReader
            do {
                switch source {
                case .file(let url): reader = try CSVReader(url: url)
                case .data(let data): reader = try CSVReader(data: data)
                }
            } catch let e as CSVReader.Error {
                throw TabularError(row: e.row, issues: [CellIssue(column: nil, message: LocalizedText(e.message))])
            } catch {
                throw TabularError(zh: "无法读取文件：\(error.localizedDescription)", en: "cannot read the file: \(error.localizedDescription)")
            }
            let box = UncheckedBox(reader)
            let thread = Thread { pipe.produceCSV(box.value) }
            thread.stackSize = 1 << 20
            thread.start()
        case .xlsx:
            let reader: XLSXReader
            do {
                switch source {
                case .file(let url): reader = try XLSXReader(url: url)
                case .data(let data): reader = try XLSXReader(data: data)
                }
            } catch let e as XLSXReader.Error {
                throw TabularError(row: nil, issues: [CellIssue(column: nil, message: LocalizedText(e.message))])
            } catch let e as XMLScanner.Malformed {
                throw TabularError(zh: "工作簿的 XML 有误：\(e.message)", en: "the workbook's XML is malformed: \(e.message)")
            }
            guard !reader.sheets.isEmpty else {
                throw TabularError(zh: "工作簿中没有工作表", en: "the workbook has no worksheet")
            }
            let box = UncheckedBox(reader)
            let thread = Thread { pipe.produceXLSX(box.value) }
            thread.stackSize = 1 << 20
            thread.start()
        }
        return pipe
    }

    func produceCSV(_ reader: CSVReader) {
        var batch: [RawRow] = []
        batch.reserveCapacity(Self.batchSize)
        var row = CSVRow()
        do {
            while try reader.readRow(into: &row) {
                var bad: Int?
                let cells = row.strings(firstInvalid: &bad)
                batch.append(RawRow(number: row.number, cells: cells, badEncodingColumn: bad))
                if batch.count == Self.batchSize {
                    guard put(batch) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            guard put(batch) else { return }
            close(nil)
        } catch let e as CSVReader.Error {
            _ = put(batch)
            close(RowFailure(row: e.row, issues: [CellIssue(column: nil, message: LocalizedText(e.message))], endsImport: true))
        } catch {
            _ = put(batch)
            close(RowFailure(row: reader.rowNumber + 1, issues: [CellIssue(column: nil, message: LocalizedText(
                zh: "读取文件出错：\(error.localizedDescription)", en: "error reading the file: \(error.localizedDescription)"))], endsImport: true))
        }
    }

    func produceXLSX(_ reader: XLSXReader) {
        var batch: [RawRow] = []
        batch.reserveCapacity(Self.batchSize)
        var last = 0
        do {
            try reader.forEachRow { row in
                last = row.number
                batch.append(RawRow(number: row.number, cells: row.cells))
                if batch.count == Self.batchSize {
                    guard put(batch) else { throw Cancelled() }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            guard put(batch) else { return }
            close(nil)
        } catch is Cancelled {
            return
        } catch {
            _ = put(batch)
            let message: LocalizedText
            if let e = error as? XLSXReader.Error { message = LocalizedText(e.message) } else {
                message = LocalizedText(zh: "读取工作表出错：\(error)", en: "error reading the worksheet: \(error)")
            }
            close(RowFailure(row: last + 1, issues: [CellIssue(column: nil, message: message)], endsImport: true))
        }
    }
}

/// Hands a reader to the thread that alone uses it from then on.
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
