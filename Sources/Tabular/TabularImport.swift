import Dispatch
import Foundation
import Policy

/// Reads projects from a spreadsheet in the wide format (docs/import-format.md): one row per
/// project, the enterprise's columns repeated on each row, loans, leases, equipment and
/// certifications in numbered column groups.
///
/// Each row is validated by `ProjectFileReader` as a project file of one enterprise and one
/// project, and every issue it finds is reported at the row and column it came from. Reading is
/// streaming: a background thread parses the file (CSV or the sheet of an .xlsx) while rows are
/// validated in batches on all cores; memory stays bounded whatever the number of rows.
///
/// The calls block until they have a result: on a server, call them off the event loop.
public enum TabularImport {
    /// The rows of a table, in order. The header is read before this returns, so a file that is
    /// no table, or a header with unknown columns, throws `TabularError` here.
    public static func rows(format: TabularFormat, source: TabularSource, vocabulary: Vocabulary,
                            parallel: Bool = true) throws -> TabularRows {
        try TabularRows(format: format, source: source, vocabulary: vocabulary, parallel: parallel)
    }

    /// Calls `body` with each row in order; returns the header.
    @discardableResult
    public static func read(format: TabularFormat, source: TabularSource, vocabulary: Vocabulary, parallel: Bool = true,
                            _ body: (Result<ImportedRow, RowFailure>) throws -> Void) throws -> TabularHeader {
        let rows = try TabularRows(format: format, source: source, vocabulary: vocabulary, parallel: parallel)
        for row in rows { try body(row) }
        return rows.header
    }

    /// Every row read and grouped into one project file per enterprise (by credit code, in the
    /// order enterprises first appear), with every refused row.
    public static func files(format: TabularFormat, source: TabularSource, vocabulary: Vocabulary,
                             parallel: Bool = true) throws -> TabularImportResult {
        let rows = try TabularRows(format: format, source: source, vocabulary: vocabulary, parallel: parallel)
        var grouper = TabularGrouper(header: rows.header)
        var failures: [RowFailure] = []
        var count = 0
        for row in rows {
            count += 1
            switch row {
            case .success(let imported):
                if let failure = grouper.add(imported) { failures.append(failure) }
            case .failure(let failure):
                failures.append(failure)
            }
        }
        return TabularImportResult(header: rows.header, files: grouper.files, failures: failures, rowsRead: count)
    }
}

/// The projects of one enterprise and the rows they came from.
public struct ImportedFile: Sendable, Equatable {
    public var file: ProjectFile
    /// The row of each project, in the order of `file.projects`.
    public var rows: [Int]
}

public struct TabularImportResult: Sendable {
    public var header: TabularHeader
    public var files: [ImportedFile]
    /// The rows refused, in row order.
    public var failures: [RowFailure]
    /// Rows read after the header, not counting empty rows.
    public var rowsRead: Int
    /// True when no row was refused.
    public var isComplete: Bool { failures.isEmpty }
}

/// Groups rows into project files by credit code. A row whose enterprise columns disagree with
/// the first row of the same credit code, or whose project id that enterprise already has, is
/// refused.
public struct TabularGrouper: Sendable {
    let header: TabularHeader?
    var index: [String: Int] = [:]
    public private(set) var files: [ImportedFile] = []
    var projectRows: [[String: Int]] = []

    public init(header: TabularHeader? = nil) { self.header = header }

    /// Adds the row, or returns why it cannot be added.
    public mutating func add(_ row: ImportedRow) -> RowFailure? {
        guard let i = index[row.enterprise.creditCode] else {
            index[row.enterprise.creditCode] = files.count
            files.append(ImportedFile(file: ProjectFile(enterprise: row.enterprise, projects: [row.project]), rows: [row.row]))
            projectRows.append([row.project.id: row.row])
            return nil
        }
        let first = files[i].file.enterprise
        let firstRow = files[i].rows[0]
        var issues: [CellIssue] = []
        func compare(_ field: TabularField, _ a: String, _ b: String) {
            guard a != b else { return }
            issues.append(issue(field, LocalizedText(
                zh: "与同一统一社会信用代码的第 \(firstRow) 行不一致：第 \(firstRow) 行为“\(a)”，本行为“\(b)”",
                en: "differs from row \(firstRow) for the same credit code: \"\(a)\" in row \(firstRow), \"\(b)\" here")))
        }
        compare(.enterpriseName, first.name, row.enterprise.name)
        compare(.district, first.district, row.enterprise.district)
        compare(.industryCode, first.industryCode, row.enterprise.industryCode)
        if let other = projectRows[i][row.project.id] {
            issues.append(issue(.projectId, LocalizedText(
                zh: "该企业的项目编号 \(row.project.id) 已在第 \(other) 行出现", en: "project id \(row.project.id) of this enterprise is also in row \(other)")))
        }
        if !issues.isEmpty { return RowFailure(row: row.row, projectId: row.project.id, issues: issues) }
        files[i].file.projects.append(row.project)
        files[i].rows.append(row.row)
        projectRows[i][row.project.id] = row.row
        return nil
    }

    func issue(_ field: TabularField, _ message: LocalizedText) -> CellIssue {
        header?.issue(.field(field), message) ?? CellIssue(column: field.rawValue, message: message)
    }
}

/// The rows of a table, validated, in order: a single-pass sequence (iterate it once).
public final class TabularRows: Sequence {
    public let header: TabularHeader
    let converter: RowConverter
    let pipe: RowPipe
    /// Converts batches on worker threads; nil when converting on the caller's thread.
    let pool: ConvertPool?
    var raw: ArraySlice<RawRow> = []
    var ready: [Result<ImportedRow, RowFailure>] = []
    var readyIndex = 0
    var finished = false

    init(format: TabularFormat, source: TabularSource, vocabulary: Vocabulary, parallel: Bool) throws {
        pipe = try RowPipe.start(format: format, source: source)
        // The header: the first row with a value.
        var headerRow: RawRow?
        var pending: ArraySlice<RawRow> = []
        while headerRow == nil {
            let (batch, failure) = pipe.take()
            guard let batch else {
                if let failure { throw TabularError(row: failure.row, issues: failure.issues) }
                throw TabularError(row: 1, zh: "文件为空：没有表头行", en: "the file is empty: no header row")
            }
            pending = batch[...]
            while let first = pending.first {
                pending = pending.dropFirst()
                if first.cells.contains(where: { !$0.trimmingCharacters(in: .tabularWhitespace).isEmpty }) {
                    headerRow = first
                    break
                }
            }
        }
        switch RowConverter.make(headerRow: headerRow!, vocabulary: vocabulary) {
        case .success(let c): converter = c
        case .failure(let e): pipe.cancel(); throw e
        }
        header = converter.header
        raw = pending
        let workers = ProcessInfo.processInfo.activeProcessorCount
        pool = parallel && workers > 1 ? ConvertPool(pipe: pipe, converter: converter, workers: workers) : nil
    }

    deinit {
        pipe.cancel()
        pool?.cancel()
    }

    public struct Iterator: IteratorProtocol {
        let rows: TabularRows
        public mutating func next() -> Result<ImportedRow, RowFailure>? { rows.next() }
    }

    public func makeIterator() -> Iterator { Iterator(rows: self) }

    func next() -> Result<ImportedRow, RowFailure>? {
        while readyIndex == ready.count {
            if finished { return nil }
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            if !raw.isEmpty {
                // The rest of the header's batch.
                for row in raw { if let r = converter.convert(row) { ready.append(r) } }
                raw = []
                continue
            }
            if let pool {
                let (results, failure) = pool.take()
                if let results { ready = results; continue }
                finished = true
                return failure.map { .failure($0) }
            }
            let (batch, failure) = pipe.take()
            guard let batch else {
                finished = true
                return failure.map { .failure($0) }
            }
            for row in batch { if let r = converter.convert(row) { ready.append(r) } }
        }
        defer { readyIndex += 1 }
        return ready[readyIndex]
    }
}

/// Worker threads that take batches of raw rows from the pipe as they come, convert them, and
/// hand the results out in the order of the batches, a bounded number ahead of the reader.
final class ConvertPool: @unchecked Sendable {
    let pipe: RowPipe
    let converter: RowConverter
    var taken = 0
    var taking = false
    let condition = NSCondition()
    var results: [Int: [Result<ImportedRow, RowFailure>]] = [:]
    var delivered = 0
    /// The number of batches, once the pipe has closed.
    var total: Int?
    var failure: RowFailure?
    var cancelled = false
    static let ahead = 8

    init(pipe: RowPipe, converter: RowConverter, workers: Int) {
        self.pipe = pipe
        self.converter = converter
        for _ in 0..<workers {
            let thread = Thread { [self] in work() }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    func work() {
        while true {
            // One worker at a time takes from the pipe (so batches are numbered in file order),
            // and not too far ahead of the reader.
            condition.lock()
            while !cancelled && total == nil && (taking || taken - delivered >= Self.ahead) { condition.wait() }
            if cancelled || total != nil {
                condition.unlock()
                return
            }
            taking = true
            condition.unlock()

            let (batch, failure) = pipe.take()

            condition.lock()
            taking = false
            let number = taken
            if batch != nil { taken += 1 } else if total == nil {
                total = number
                self.failure = failure
            }
            condition.broadcast()
            condition.unlock()
            guard let batch else { return }

            var converted: [Result<ImportedRow, RowFailure>] = []
            converted.reserveCapacity(batch.count)
            for row in batch { if let r = converter.convert(row) { converted.append(r) } }
            condition.lock()
            results[number] = converted
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next batch's results in order, or nil at the end (with the failure that ended the
    /// file early, if any).
    func take() -> ([Result<ImportedRow, RowFailure>]?, RowFailure?) {
        condition.lock()
        defer { condition.unlock() }
        while results[delivered] == nil && !(total.map { delivered >= $0 } ?? false) { condition.wait() }
        if let batch = results.removeValue(forKey: delivered) {
            delivered += 1
            condition.broadcast()
            return (batch, nil)
        }
        return (nil, failure)
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Batches of raw rows from the parsing thread to the validating one, at most a few batches
/// ahead.
final class RowPipe: @unchecked Sendable {
    static let batchSize = 1024
    static let capacity = 4

    let condition = NSCondition()
    var queue: [[RawRow]] = []
    var closed = false
    var failure: RowFailure?
    var cancelled = false

    /// Adds a batch; false when the reader has gone (stop parsing).
    func put(_ batch: [RawRow]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        if !batch.isEmpty { queue.append(batch) }
        condition.broadcast()
        return true
    }

    func close(_ failure: RowFailure?) {
        condition.lock()
        closed = true
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or nil at the end (with the failure that ended the file early, if any).
    func take() -> ([RawRow]?, RowFailure?) {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !closed && !cancelled { condition.wait() }
        if !queue.isEmpty && !cancelled {
            let batch = queue.removeFirst()
            condition.broadcast()
            return (batch, nil)
        }
        return (nil, failure)
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

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
                throw TabularError(row: e.row, issues: [CellIssue(column: nil, message: e.message)])
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
                throw TabularError(row: nil, issues: [CellIssue(column: nil, message: e.message)])
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
            close(RowFailure(row: e.row, issues: [CellIssue(column: nil, message: e.message)], endsImport: true))
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
            if let e = error as? XLSXReader.Error { message = e.message } else {
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
