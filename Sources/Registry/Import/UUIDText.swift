import Foundation

/// A UUID's 36-character text without `uuidString` (which formats through `snprintf`: about a
/// twentieth of an import's time, a million ids per 100,000 projects).
enum UUIDText {
    private static let upperDigits = Array("0123456789ABCDEF".utf8)
    private static let lowerDigits = Array("0123456789abcdef".utf8)

    /// The text as Foundation's `uuidString` gives it (upper case): how Fluent stores a UUID in SQLite.
    static func upper(_ id: UUID) -> String { text(id, digits: upperDigits) }

    /// Lower case, as PostgreSQL prints a uuid.
    static func lower(_ id: UUID) -> String { text(id, digits: lowerDigits) }

    private static func text(_ id: UUID, digits: [UInt8]) -> String {
        withUnsafeBytes(of: id.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var o = 0
                for i in 0..<16 {
                    if i == 4 || i == 6 || i == 8 || i == 10 { out[o] = UInt8(ascii: "-"); o += 1 }
                    out[o] = digits[Int(bytes[i] >> 4)]
                    out[o + 1] = digits[Int(bytes[i] & 0x0F)]
                    o += 2
                }
                return o
            }
        }
    }
}
