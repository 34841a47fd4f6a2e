/// The keys of one kind of object, matched by a word or two of their bytes instead of a
/// comparison per candidate: a key is its length and its first and last eight bytes (the
/// short ones padded with zeros), and only keys longer than sixteen bytes compare the middle.
struct ProjectLineKeys: Sendable {
    struct Key: Sendable {
        let bytes: [UInt8]
        let head: UInt64
        let tail: UInt64
    }
    let keys: [Key]

    init(_ names: [String]) {
        keys = names.map { name in
            let bytes = Array(name.utf8)
            return Key(bytes: bytes, head: Self.word(bytes, 0), tail: Self.word(bytes, max(0, bytes.count - 8)))
        }
    }

    /// Up to eight bytes from `from`, little-endian, zeros past the end.
    static func word(_ bytes: [UInt8], _ from: Int) -> UInt64 {
        var w: UInt64 = 0
        for k in 0..<8 where from + k < bytes.count { w |= UInt64(bytes[from + k]) << UInt64(8 * k) }
        return w
    }

    /// The position of the key at `start..<end` of `b`, or nil.
    @inline(__always) func find(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        let length = end - start
        guard length > 0 else { return nil }
        let base = b.baseAddress! + start
        let head: UInt64, tail: UInt64
        if start + 8 <= b.count {
            // Eight bytes from the key's start are inside the line; what follows a short key is masked.
            let w = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
            head = length >= 8 ? w : w & ((1 << UInt64(8 * length)) - 1)
            tail = length > 8 ? UnsafeRawPointer(base + length - 8).loadUnaligned(as: UInt64.self) : head
        } else {
            var w: UInt64 = 0
            for k in 0..<min(length, 8) { w |= UInt64(base[k]) << UInt64(8 * k) }
            head = w
            tail = length > 8 ? UnsafeRawPointer(base + length - 8).loadUnaligned(as: UInt64.self) : head
        }
        for (k, key) in keys.enumerated() where key.head == head && key.tail == tail && key.bytes.count == length {
            if length <= 16 { return k }
            var same = true
            for j in 8..<(length - 8) where key.bytes[j] != base[j] { same = false; break }
            if same { return k }
        }
        return nil
    }
}
