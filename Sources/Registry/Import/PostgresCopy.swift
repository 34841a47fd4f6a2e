import FluentPostgresDriver
import Foundation

/// `COPY … FROM STDIN` for PostgreSQL: the fastest way in, one command a table and chunk, the
/// rows streamed as COPY's text format. Runs on the connection of the caller's transaction, so
/// a chunk's rows commit or roll back together with the rest of it.
enum PostgresCopy {
    /// Bytes sent a message.
    static let bufferSize = 1 << 20

    static func copy(_ rows: TableRows, on db: any PostgresDatabase, logger: Logger) async throws {
        try await db.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: rows.table, columns: rows.columns, logger: logger) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(bufferSize + 4096)
                    let width = rows.columns.count
                    for (i, value) in rows.values.enumerated() {
                        if i % width != 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                        write(value, into: &buffer)
                        if i % width == width - 1 {
                            buffer.writeInteger(UInt8(ascii: "\n"))
                            if buffer.readableBytes >= bufferSize {
                                try await writer.write(buffer)
                                buffer.clear()
                            }
                        }
                    }
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
            }
        }.get()
    }

    /// One value in COPY's text format: `\N` for NULL, backslash escapes in text, `t`/`f`,
    /// timestamps in UTC to the microsecond (truncated, as PostgresNIO's binary encoding does).
    static func write(_ value: BulkValue, into buffer: inout ByteBuffer) {
        switch value {
        case .null: buffer.writeStaticString("\\N")
        case .int(let v): buffer.writeString(String(v))
        case .bool(let v): buffer.writeInteger(UInt8(ascii: v ? "t" : "f"))
        case .uuid(let v): buffer.writeString(UUIDText.lower(v))
        case .time(let v): writeTimestamp(v, into: &buffer)
        case .text(let v):
            for byte in v.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }

    static let postgresEpoch = Date(timeIntervalSince1970: 946_684_800)

    static func writeTimestamp(_ date: Date, into buffer: inout ByteBuffer) {
        let sincePostgresEpoch = Int64(date.timeIntervalSince(postgresEpoch) * 1_000_000)
        let micros = sincePostgresEpoch + 946_684_800 * 1_000_000
        let perDay: Int64 = 86_400 * 1_000_000
        var days = micros / perDay
        var rest = micros % perDay
        if rest < 0 { rest += perDay; days -= 1 }
        let (y, m, d) = civil(fromDays: days)
        let seconds = rest / 1_000_000
        let fraction = rest % 1_000_000
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        buffer.writeString("\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2)) \(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)).\(pad(fraction, 6))+00")
    }

    /// Year, month and day of a day count since 1970-01-01 (proleptic Gregorian; H. Hinnant's
    /// civil_from_days).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
