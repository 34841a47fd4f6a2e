import Foundation

/// Column letters → index: `A` → 0, `Z` → 25, `AA` → 26.
public enum ColumnLetters {
    public static func index<C: Collection>(_ letters: C) -> Int? where C.Element == UInt8 {
        var v = 0
        var any = false
        for b in letters {
            let u = b & ~0x20 // upper case
            guard u >= 0x41 && u <= 0x5A else { break }
            v = v * 26 + Int(u - 0x40)
            any = true
        }
        return any && v <= 16384 ? v - 1 : nil
    }

    public static func letters(_ index: Int) -> String {
        var n = index + 1
        var out: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.insert(UInt8(0x41 + r), at: 0)
            n = (n - 1) / 26
        }
        return String(decoding: out, as: UTF8.self)
    }
}

// MARK: - Handlers
