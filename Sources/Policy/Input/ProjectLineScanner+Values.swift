import Foundation

/// The scanner's values, read from the line's bytes with the general reader's rules for the
/// forms it accepts. Whatever these do not accept exactly as `ProjectFileReader` would — an
/// escape, a surrounding space, a null, a number where text is due, any refused value — is a
/// `Decline`: the general reader then reads the line and names the problem.
extension ProjectLineScanner {
    /// A string's bytes, without its quotes: `start..<end` in the line.
    struct Span {
        var start: Int
        var end: Int
        var count: Int { end - start }
    }

    @inline(__always) mutating func skipSpace() {
        while i < n {
            let c = b[i]
            guard c == 32 || c == 9 || c == 10 || c == 13 else { return }
            i += 1
        }
    }

    /// Skips spaces, then takes `c` or declines.
    @inline(__always) mutating func take(_ c: UInt8) throws(Decline) {
        skipSpace()
        guard i < n, b[i] == c else { throw Decline() }
        i += 1
    }

    /// After `{` or `[`: true (and the closer taken) when the container is empty.
    @inline(__always) mutating func empty(_ closer: UInt8) -> Bool {
        skipSpace()
        if i < n, b[i] == closer { i += 1; return true }
        return false
    }

    /// After a member or an element: true for `,`, false for the closer, a decline otherwise.
    @inline(__always) mutating func more(_ closer: UInt8) throws(Decline) -> Bool {
        skipSpace()
        guard i < n else { throw Decline() }
        let c = b[i]
        i += 1
        if c == 44 { return true }
        if c == closer { return false }
        throw Decline()
    }

    /// A quoted string with no escape and no control character, as it stands in the line. For
    /// values looked up in a table of accepted texts (which are valid texts by construction).
    @inline(__always) mutating func rawString() throws(Decline) -> Span {
        skipSpace()
        guard i < n, b[i] == 34 else { throw Decline() }
        i += 1
        let start = i
        while i < n {
            let c = b[i]
            if c == 34 { i += 1; return Span(start: start, end: i - 1) }
            if c == 92 || c < 32 { throw Decline() }
            i += 1
        }
        throw Decline()
    }

    /// A member's key, found in `keys` (its position), then the colon. An unknown key (a field
    /// another version of the format added, or a misspelt one) declines. `seen` (the keys of the
    /// object met so far) says where to start: at the key after the last one in the list's order.
    @inline(__always) mutating func key(_ keys: ProjectLineKeys, after seen: UInt32) throws(Decline) -> Int {
        skipSpace()
        guard i < n, b[i] == 34 else { throw Decline() }
        guard let k = keys.match(b, at: i + 1, first: 32 - seen.leadingZeroBitCount) else { throw Decline() }
        i += 1 + keys.keys[k].length
        try take(58)
        skipSpace()
        return k
    }

    /// Marks key `k` of an object as seen; a second time is the parser's duplicate key.
    @inline(__always) static func see(_ seen: inout UInt32, _ k: Int) throws(Decline) {
        let bit: UInt32 = 1 << UInt32(k)
        guard seen & bit == 0 else { throw Decline() }
        seen |= bit
    }

    /// A text of `kind` that `TextKind.problem` accepts unchanged by trimming: valid UTF-8,
    /// no refused character, at most `maxLength` scalars, not empty, no space or tab at either end.
    mutating func text(_ kind: TextKind) throws(Decline) -> Span {
        skipSpace()
        guard i < n, b[i] == 34 else { throw Decline() }
        i += 1
        let start = i
        var scalars = 0
        while true {
            guard i < n else { throw Decline() }
            let c = b[i]
            if c == 34 { break }
            if c < 0x80 {
                // Escapes, controls and DEL: the general reader's business.
                if c == 92 || c < 32 || c == 0x7F { throw Decline() }
                i += 1
            } else {
                try scalar(c)
            }
            scalars += 1
        }
        let end = i
        i += 1
        guard scalars > 0, scalars <= kind.maxLength else { throw Decline() }
        let first = b[start], last = b[end - 1]
        guard first != 32, first != 9, last != 32, last != 9 else { throw Decline() }
        return Span(start: start, end: end)
    }

    /// One multi-byte scalar of well-formed UTF-8 (Unicode's table 3-7, what `String(validating:)`
    /// accepts) that `TextKind` does not refuse (C1 controls, line and paragraph separators,
    /// bidirectional controls, a byte-order mark).
    @inline(__always) mutating func scalar(_ c: UInt8) throws(Decline) {
        @inline(__always) func continuation(_ at: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            at < n && b[at] >= lo && b[at] <= hi
        }
        switch c {
        case 0xC2...0xDF:
            // U+0080–U+009F are C1 controls.
            guard continuation(i + 1), !(c == 0xC2 && b[i + 1] <= 0x9F) else { throw Decline() }
            i += 2
        case 0xE0...0xEF:
            let lo: UInt8 = c == 0xE0 ? 0xA0 : 0x80, hi: UInt8 = c == 0xED ? 0x9F : 0xBF
            guard continuation(i + 1, lo, hi), continuation(i + 2) else { throw Decline() }
            let c1 = b[i + 1], c2 = b[i + 2]
            // U+2028–U+202E (E2 80 A8–AE), U+2066–U+2069 (E2 81 A6–A9), U+FEFF (EF BB BF).
            if c == 0xE2 && ((c1 == 0x80 && c2 >= 0xA8 && c2 <= 0xAE) || (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9)) { throw Decline() }
            if c == 0xEF && c1 == 0xBB && c2 == 0xBF { throw Decline() }
            i += 3
        case 0xF0...0xF4:
            let lo: UInt8 = c == 0xF0 ? 0x90 : 0x80, hi: UInt8 = c == 0xF4 ? 0x8F : 0xBF
            guard continuation(i + 1, lo, hi), continuation(i + 2), continuation(i + 3) else { throw Decline() }
            i += 4
        default: throw Decline()
        }
    }

    /// Whether two texts of the line are equal as Swift compares strings (canonical
    /// equivalence): bytes decide for ASCII, Swift decides otherwise.
    func same(_ x: Span, _ y: Span) -> Bool {
        if x.count == y.count, memcmp(b.baseAddress! + x.start, b.baseAddress! + y.start, x.count) == 0 { return true }
        if ascii(x) && ascii(y) { return false }
        return string(x) == string(y)
    }

    func ascii(_ s: Span) -> Bool {
        for k in s.start..<s.end where b[k] >= 0x80 { return false }
        return true
    }

    func string(_ s: Span) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[s.start..<s.end]), as: UTF8.self)
    }

    /// `true` or `false` (a null, a string or a number declines).
    @inline(__always) mutating func bool() throws(Decline) -> Bool {
        skipSpace()
        if i + 4 <= n, b[i] == 116, b[i + 1] == 114, b[i + 2] == 117, b[i + 3] == 101 { i += 4; return true }
        if i + 5 <= n, b[i] == 102, b[i + 1] == 97, b[i + 2] == 108, b[i + 3] == 115, b[i + 4] == 101 { i += 5; return false }
        throw Decline()
    }

    /// An amount of yuan in fen, as a string or a number: `Money(yuanText:)` on the bytes
    /// (no sign, no leading zeros, at most two decimals, at most `DecimalText.limit`).
    @inline(__always) mutating func money() throws(Decline) -> Int64 {
        skipSpace()
        guard i < n else { throw Decline() }
        let quoted = b[i] == 34
        if quoted { i += 1 }
        let first = i
        var value: Int64 = 0
        var integerDigits = 0, fractionDigits = -1
        while i < n {
            let c = b[i]
            if c == 46 {
                guard fractionDigits < 0, integerDigits > 0 else { throw Decline() }
                fractionDigits = 0
            } else if c >= 48 && c <= 57 {
                if fractionDigits >= 0 { fractionDigits += 1 } else { integerDigits += 1 }
                guard integerDigits <= 18, fractionDigits <= 2 else { throw Decline() }
                value = value * 10 + Int64(c - 48)
                guard value <= DecimalText.limit else { throw Decline() }
            } else { break }
            i += 1
        }
        guard integerDigits > 0, fractionDigits != 0 else { throw Decline() }
        // "00012", "01.5": refused by Money (and by JSON as a number).
        if b[first] == 48, first + 1 < i, b[first + 1] != 46 { throw Decline() }
        for _ in max(fractionDigits, 0)..<2 {
            value *= 10
            guard value <= DecimalText.limit else { throw Decline() }
        }
        if quoted { guard i < n, b[i] == 34 else { throw Decline() }; i += 1 }
        return value
    }

    /// A rate between 0 and 1, as a string (`"0.035"`, `"3.5%"`) or a number: `Ratio(text:)`
    /// on the bytes, numerator and scale as it makes them.
    mutating func rate() throws(Decline) -> (numerator: Int64, scale: Int8) {
        skipSpace()
        guard i < n else { throw Decline() }
        let quoted = b[i] == 34
        if quoted { i += 1 }
        let first = i
        var value: Int64 = 0
        var integerDigits = 0, fractionDigits = -1
        while i < n {
            let c = b[i]
            if c == 46 {
                guard fractionDigits < 0, integerDigits > 0 else { throw Decline() }
                fractionDigits = 0
            } else if c >= 48 && c <= 57 {
                if fractionDigits >= 0 { fractionDigits += 1 } else { integerDigits += 1 }
                guard integerDigits <= 18, fractionDigits <= Ratio.maxScale else { throw Decline() }
                value = value * 10 + Int64(c - 48)
                guard value <= DecimalText.limit else { throw Decline() }
            } else { break }
            i += 1
        }
        guard integerDigits > 0, fractionDigits != 0 else { throw Decline() }
        var percent = false
        if quoted, i < n, b[i] == 37 { percent = true; i += 1 }
        // The contract's 32 characters; a number with a leading zero is no JSON.
        guard i - first <= 32 else { throw Decline() }
        if !quoted, b[first] == 48, first + 1 < i, b[first + 1] != 46 { throw Decline() }
        if quoted { guard i < n, b[i] == 34 else { throw Decline() }; i += 1 }
        let scale = max(fractionDigits, 0) + (percent ? 2 : 0)
        // At most one (the reader's check), which also keeps within Ratio's own bound.
        guard scale <= Ratio.maxScale, value <= Ratio.powers[scale] else { throw Decline() }
        return (value, Int8(scale))
    }

    /// A date `YYYY-MM-DD` that exists, packed yyyymmdd as `Day` packs it.
    @inline(__always) mutating func day() throws(Decline) -> Int32 {
        skipSpace()
        guard i + 12 <= n, b[i] == 34, b[i + 5] == 45, b[i + 8] == 45, b[i + 11] == 34 else { throw Decline() }
        @inline(__always) func digits(_ from: Int, _ count: Int) throws(Decline) -> Int {
            var v = 0
            for k in from..<(from + count) {
                let c = b[k]
                guard c >= 48 && c <= 57 else { throw Decline() }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        let y = try digits(i + 1, 4), m = try digits(i + 6, 2), d = try digits(i + 9, 2)
        guard let day = Day(year: y, month: m, day: d) else { throw Decline() }
        i += 12
        return day.packed
    }

    /// An equipment quantity: a JSON number that is a whole number from 1 to 1,000,000.
    @inline(__always) mutating func quantity() throws(Decline) -> Int64 {
        skipSpace()
        guard i < n, b[i] >= 49, b[i] <= 57 else { throw Decline() }
        var v: Int64 = 0, digits = 0
        while i < n, b[i] >= 48, b[i] <= 57 {
            v = v * 10 + Int64(b[i] - 48)
            digits += 1
            guard digits <= 7 else { throw Decline() }
            i += 1
        }
        guard v <= 1_000_000 else { throw Decline() }
        return v
    }
}
