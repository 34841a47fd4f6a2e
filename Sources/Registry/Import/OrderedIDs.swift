import Foundation

/// Time-ordered ids (the layout of UUID version 7, RFC 9562): 48 bits of milliseconds, a 12-bit
/// sequence, then random bits. Rows written in bulk get ids in ascending order, so each insert
/// appends to the end of the primary-key and parent-key indexes instead of landing on a random
/// page of them (random v4 ids made an import rewrite most of an index's pages, chunk after chunk).
/// Ids stay unique and unguessable; ordering across processes is by time only.
struct OrderedIDs {
    private var lastMillis: UInt64 = 0
    private var sequence: UInt64 = 0
    private var randomBits = RandomPool()

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
        let tail = randomBits.next()
        let high = (millis << 16) | 0x7000 | (sequence & 0x0FFF)
        let low = (tail & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let h = high.bigEndian, l = low.bigEndian
        return withUnsafeBytes(of: (h, l)) { b in
            UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
        }
    }
}

/// The system's random bits, taken 4 KiB at a time: one read of /dev/urandom per 512 ids instead of
/// a getrandom call per id (it showed in the import's profile).
struct RandomPool {
    private var words = [UInt64](repeating: 0, count: 512)
    private var used = 512

    mutating func next() -> UInt64 {
        if used == words.count {
            var system = SystemRandomNumberGenerator()
            let filled = words.withUnsafeMutableBytes { bytes -> Bool in
                guard let file = fopen("/dev/urandom", "rb") else { return false }
                defer { fclose(file) }
                return fread(bytes.baseAddress, 1, bytes.count, file) == bytes.count
            }
            if !filled { for i in words.indices { words[i] = system.next() } }
            used = 0
        }
        defer { used += 1 }
        return words[used]
    }
}
