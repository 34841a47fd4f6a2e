import Foundation

/// Writes RFC 4180 CSV: CRLF line ends, fields quoted when they hold the separator, a quote or
/// a line break (quotes doubled), and a UTF-8 byte-order mark first so that Excel shows Chinese
/// text correctly when it opens the file.
///
/// Rows accumulate in memory; `take()` hands over what was written so far, to stream a large
/// file out in pieces.
public struct CSVWriter: Sendable {
    public let separator: UInt8
    var bytes: [UInt8] = []

    public init(byteOrderMark: Bool = true, separator: UInt8 = UInt8(ascii: ",")) {
        self.separator = separator
        if byteOrderMark { bytes = [0xEF, 0xBB, 0xBF] }
    }

    public mutating func write<S: Sequence>(row fields: S) where S.Element: StringProtocol {
        var first = true
        for field in fields {
            if !first { bytes.append(separator) }
            first = false
            append(field)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    mutating func append<S: StringProtocol>(_ field: S) {
        let utf8 = field.utf8
        let needsQuotes = utf8.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if !needsQuotes {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        for b in utf8 {
            if b == 0x22 { bytes.append(0x22) }
            bytes.append(b)
        }
        bytes.append(0x22)
    }

    /// Bytes written so far.
    public var count: Int { bytes.count }

    /// Everything written so far; the writer is left empty (for streaming).
    public mutating func take() -> Data {
        defer { bytes.removeAll(keepingCapacity: true) }
        return Data(bytes)
    }

    /// Everything written.
    public var data: Data { Data(bytes) }

    /// The CSV text of `rows`, with a byte-order mark.
    public static func data<R: Sequence>(_ rows: R) -> Data where R.Element: Sequence, R.Element.Element: StringProtocol {
        var writer = CSVWriter()
        for row in rows { writer.write(row: row) }
        return writer.data
    }
}
