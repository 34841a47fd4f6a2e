import Foundation

/// Time-ordered ids (the layout of UUID version 7, RFC 9562): 48 bits of milliseconds, a 12-bit
/// sequence, then random bits. Rows written in bulk get ids in ascending order, so each insert
/// appends to the end of the primary-key and parent-key indexes instead of landing on a random
/// page of them (random v4 ids made an import rewrite most of an index's pages, chunk after chunk).
/// Ids stay unique and unguessable; ordering across processes is by time only.
struct OrderedIDs {
    private var lastMillis: UInt64 = 0
    private var sequence: UInt64 = 0
    private var random = SystemRandomNumberGenerator()

    mutating func next() -> UUID {
        var millis = UInt64(Date().timeIntervalSince1970 * 1000)
        if millis <= lastMillis {
            // Same millisecond (or the clock went back): count on, borrowing the next millisecond
            // when the 12-bit sequence runs out, so ids never go backwards.
            sequence += 1
            if sequence > 0xFFF { lastMillis += 1; sequence = 0 }
            millis = lastMillis
        } else {
            lastMillis = millis
            sequence = 0
        }
        let tail = random.next() as UInt64
        var b = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { b[i] = UInt8((millis >> (8 * (5 - i))) & 0xFF) }
        b[6] = 0x70 | UInt8((sequence >> 8) & 0x0F)
        b[7] = UInt8(sequence & 0xFF)
        for i in 0..<8 { b[8 + i] = UInt8((tail >> (8 * (7 - i))) & 0xFF) }
        b[8] = 0x80 | (b[8] & 0x3F)
        return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
    }
}
