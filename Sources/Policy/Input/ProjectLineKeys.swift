import Foundation

/// The keys of one kind of object, matched where they stand in the line: each key with its
/// closing quote is compared, a word or two at a time, with the bytes after the opening quote,
/// starting from the key that usually comes next. Writers put an object's keys in one order (ours
/// in the order listed here), so the first or second key tried is the one; the string is never
/// scanned for its end first, nor looked up among all the keys.
///
/// This is what reading the string and looking it up would give: a key holds no quote, no
/// backslash and no control character, so a string that starts with a key's bytes followed by
/// a quote is that key, and a string that matches no key this way is no key (the scanner declines).
struct ProjectLineKeys: Sendable {
    struct Key: Sendable {
        /// The key's bytes and its closing quote.
        let pattern: [UInt8]
        let length: Int
        /// The pattern's first and last eight bytes (little-endian, a short one padded with zeros).
        let head: UInt64
        let tail: UInt64
    }
    let keys: [Key]

    init(_ names: [String]) {
        keys = names.map { name in
            let bytes = Array(name.utf8)
            precondition(!bytes.isEmpty && bytes.allSatisfy { $0 >= 32 && $0 != 34 && $0 != 92 }, "a key the scanner cannot match in place: \(name)")
            let pattern = bytes + [34]
            return Key(pattern: pattern, length: pattern.count, head: Self.word(pattern, 0), tail: Self.word(pattern, max(0, pattern.count - 8)))
        }
    }

    /// Up to eight bytes from `from`, little-endian, zeros past the end.
    static func word(_ bytes: [UInt8], _ from: Int) -> UInt64 {
        var w: UInt64 = 0
        for k in 0..<8 where from + k < bytes.count { w |= UInt64(bytes[from + k]) << UInt64(8 * k) }
        return w
    }

    /// The key whose bytes and closing quote stand at `start` of `b` (just after an opening
    /// quote), trying `first` first and the keys after it in order; nil when none does.
    @inline(__always) func match(_ b: UnsafeBufferPointer<UInt8>, at start: Int, first: Int) -> Int? {
        let count = keys.count
        var k = first < count ? first : 0
        let room = b.count - start
        let base = b.baseAddress! + start
        // Eight bytes from `start` when the line has them: what lies past a short key is masked.
        let word: UInt64? = room >= 8 ? UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) : nil
        return keys.withUnsafeBufferPointer { keys in
            for _ in 0..<count {
                let key = keys[k]
                if key.length <= room {
                    if let word {
                        let head = key.length >= 8 ? word : word & ((1 << UInt64(8 * key.length)) - 1)
                        if head == key.head {
                            if key.length <= 8 { return k }
                            if UnsafeRawPointer(base + key.length - 8).loadUnaligned(as: UInt64.self) == key.tail {
                                if key.length <= 16 { return k }
                                if key.pattern.withUnsafeBufferPointer({ memcmp($0.baseAddress! + 8, base + 8, key.length - 16) == 0 }) { return k }
                            }
                        }
                    } else if key.pattern.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, key.length) == 0 }) {
                        return k
                    }
                }
                k += 1
                if k == count { k = 0 }
            }
            return nil
        }
    }
}
