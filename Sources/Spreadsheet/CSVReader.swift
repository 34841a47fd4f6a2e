import Foundation

/// A streaming RFC 4180 reader: quoted fields, doubled quotes inside them, line breaks inside
/// quotes, CRLF, LF or CR line ends, an optional UTF-8 byte-order mark, and a separator that is
/// a comma, a semicolon, a tab or a full-width comma (`，`), detected from the first line unless
/// given.
///
/// The input is read in chunks (1 MiB by default) and each row is copied out of the chunk as it
/// is parsed, so a file of a million rows is never held in memory. Rows are numbered as a
/// spreadsheet shows them: the first row is row 1, and a quoted field that spans several lines
/// is still one row.
///
/// Lenient where Excel is lenient: a quote inside an unquoted field is kept as text, and text
/// after a closing quote is appended to the field (`"ab"c` reads `abc`). Strict where data would
/// be lost: a quoted field still open at the end of the input is an error naming the row it
/// started on.
public final class CSVReader {
    public enum Separator: Sendable, Equatable {
        case comma, semicolon, tab, fullWidthComma
        /// Detected from the first line: whichever of the four occurs most often outside quotes
        /// (a comma when none does).
        case auto

        var bytes: [UInt8] {
            switch self {
            case .comma, .auto: return [0x2C]
            case .semicolon: return [0x3B]
            case .tab: return [0x09]
            case .fullWidthComma: return [0xEF, 0xBC, 0x8C]
            }
        }
    }

    /// A malformed input: where and why.
    public struct Error: Swift.Error, Sendable, CustomStringConvertible {
        public var row: Int
        public var message: SpreadsheetMessage
        public var description: String { "row \(row): \(message.en)" }
    }

    private let nextChunk: () throws -> Data?
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false
    private var separator: [UInt8] = [0x2C]
    /// The separator this reader uses (after detection).
    public private(set) var detectedSeparator: Separator = .comma
    /// The number of the last row returned (0 before the first).
    public private(set) var rowNumber = 0

    /// Reads the chunks that `nextChunk` returns until it returns nil: any source (a file, an
    /// upload being received, a decompressor).
    public init(separator: Separator = .auto, nextChunk: @escaping () throws -> Data?) throws {
        self.nextChunk = nextChunk
        try start(separator)
    }

    /// Reads a file in chunks of `chunkSize` bytes.
    public convenience init(url: URL, separator: Separator = .auto, chunkSize: Int = 1 << 20) throws {
        let handle = try FileHandle(forReadingFrom: url)
        try self.init(separator: separator) {
            let data = try handle.read(upToCount: chunkSize)
            if data == nil || data!.isEmpty { try? handle.close(); return nil }
            return data
        }
    }

    /// Reads data already in memory.
    public convenience init(data: Data, separator: Separator = .auto) throws {
        var given: Data? = data
        try self.init(separator: separator) {
            defer { given = nil }
            return given
        }
    }

    private func start(_ requested: Separator) throws {
        // The byte-order mark and the separator are decided on the first bytes.
        _ = try ensure(4096)
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        if buffer.count >= 2, (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) {
            throw Error(row: 1, message: SpreadsheetMessage(
                zh: "文件为 UTF-16 编码；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
                en: "the file is UTF-16 text; save it from Excel as \"CSV UTF-8 (comma delimited)\""))
        }
        var chosen = requested
        if requested == .auto {
            try ensureLine()
            chosen = detect()
        }
        separator = chosen.bytes
        detectedSeparator = chosen
    }

    /// Makes sure the first line (up to 1 MiB) is in the buffer, for separator detection.
    private func ensureLine() throws {
        while !exhausted && !buffer[position...].contains(0x0A) && buffer.count < (1 << 20) {
            guard try fill() else { break }
        }
    }

    private func detect() -> Separator {
        var counts: [Separator: Int] = [.comma: 0, .semicolon: 0, .tab: 0, .fullWidthComma: 0]
        var quoted = false
        var i = position
        while i < buffer.count {
            let b = buffer[i]
            if b == 0x22 { quoted.toggle() } else if !quoted {
                if b == 0x0A || b == 0x0D { break }
                switch b {
                case 0x2C: counts[.comma]! += 1
                case 0x3B: counts[.semicolon]! += 1
                case 0x09: counts[.tab]! += 1
                case 0xEF where i + 2 < buffer.count && buffer[i + 1] == 0xBC && buffer[i + 2] == 0x8C:
                    counts[.fullWidthComma]! += 1
                default: break
                }
            }
            i += 1
        }
        var best = Separator.comma
        for candidate in [Separator.semicolon, .tab, .fullWidthComma] where counts[candidate]! > counts[best]! {
            best = candidate
        }
        return best
    }

    /// Appends the next chunk; false at the end of the input.
    private func fill() throws -> Bool {
        guard !exhausted else { return false }
        guard let chunk = try nextChunk(), !chunk.isEmpty else {
            exhausted = true
            return false
        }
        if position > 0 && position == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            position = 0
        } else if position > (1 << 16) {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// At least `count` bytes after `position`, unless the input ends first.
    private func ensure(_ count: Int) throws -> Bool {
        while buffer.count - position < count {
            guard try fill() else { return false }
        }
        return true
    }

    /// The next row, or nil at the end of the input.
    public func nextRow() throws -> CSVRow? {
        var row = CSVRow()
        return try readRow(into: &row) ? row : nil
    }

    /// Reads the next row into `row`, reusing its storage. False at the end of the input.
    public func readRow(into row: inout CSVRow) throws -> Bool {
        row.bytes.removeAll(keepingCapacity: true)
        row.ends.removeAll(keepingCapacity: true)
        row.number = rowNumber + 1
        enum State { case fieldStart, unquoted, quoted, afterQuote }
        var state = State.fieldStart
        var consumed = false
        let sep0 = separator[0]
        let multiByte = separator.count > 1

        while true {
            if position >= buffer.count {
                guard try fill() else {
                    // End of the input.
                    if state == .quoted {
                        throw Error(row: row.number, message: SpreadsheetMessage(
                            zh: "第 \(row.number) 行开始的引号字段直到文件结束都没有闭合",
                            en: "a quoted field that starts in row \(row.number) is not closed before the end of the file"))
                    }
                    if !consumed { return false }
                    row.ends.append(row.bytes.count)
                    rowNumber = row.number
                    return true
                }
            }
            consumed = true
            switch state {
            case .fieldStart:
                if buffer[position] == 0x22 {
                    position += 1
                    state = .quoted
                } else {
                    state = .unquoted
                }
            case .unquoted, .afterQuote:
                // Copy the run up to the next separator or line end.
                let runStart = position
                var stop = position
                let count = buffer.count
                buffer.withUnsafeBufferPointer { p in
                    while stop < count {
                        let b = p[stop]
                        if b == sep0 || b == 0x0A || b == 0x0D { break }
                        stop += 1
                    }
                }
                if stop > runStart { row.bytes.append(contentsOf: buffer[runStart..<stop]) }
                position = stop
                if stop == count { continue }
                let b = buffer[stop]
                if b == sep0 {
                    if multiByte {
                        if try !ensure(separator.count) || buffer[position + 1] != separator[1] || buffer[position + 2] != separator[2] {
                            // Only the first byte of a separator: ordinary text.
                            row.bytes.append(b)
                            position += 1
                            continue
                        }
                        position += separator.count
                    } else {
                        position += 1
                    }
                    row.ends.append(row.bytes.count)
                    state = .fieldStart
                    continue
                }
                // A line end.
                position += 1
                if b == 0x0D, try ensure(1), buffer[position] == 0x0A { position += 1 }
                row.ends.append(row.bytes.count)
                rowNumber = row.number
                return true
            case .quoted:
                let runStart = position
                var stop = position
                let count = buffer.count
                buffer.withUnsafeBufferPointer { p in
                    while stop < count && p[stop] != 0x22 { stop += 1 }
                }
                if stop > runStart { row.bytes.append(contentsOf: buffer[runStart..<stop]) }
                position = stop
                if stop == count { continue }
                // A quote: doubled means a literal quote, otherwise the field's end.
                position += 1
                if try ensure(1), buffer[position] == 0x22 {
                    row.bytes.append(0x22)
                    position += 1
                } else {
                    state = .afterQuote
                }
            }
        }
    }

    /// Every remaining row, read one at a time.
    public func forEachRow(_ body: (CSVRow) throws -> Void) throws {
        var row = CSVRow()
        while try readRow(into: &row) { try body(row) }
    }
}
