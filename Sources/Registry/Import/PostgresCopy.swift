import FluentPostgresDriver
import Foundation
import Policy

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
        let seconds = rest / 1_000_000
        let fraction = String(rest % 1_000_000)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : String(v) }
        // A time outside 1900–2200 (never a timestamp this platform writes) goes out as text
        // PostgreSQL refuses, so the chunk fails with its error instead of storing a wrong date.
        let date = Day(daysSince1970: Int(days))?.iso ?? "out-of-range"
        buffer.writeString("\(date) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))."
                           + String(repeating: "0", count: 6 - fraction.count) + fraction + "+00")
    }
}
