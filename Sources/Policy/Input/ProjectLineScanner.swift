import Foundation

/// The bulk reader's fast path: one line of JSON Lines (an enterprise and its projects) scanned
/// byte by byte, checked as `ProjectFileReader` checks it, and written straight into a
/// `Population`'s columns — no `JSONValue`, no `String` but a project's id, nothing allocated
/// per value.
///
/// It understands only what it is sure of: the fields of the format as they are, every value
/// in its usual form, the line valid. Anything else — a field it does not know (one added to
/// the general reader), an escape, a null, a surrounding space, any problem at all — makes it
/// decline, the columns are put back as they were, and the caller hands the line to the general
/// reader, which produces the same population or names every issue. So the fast path never
/// decides what is an error; a test holds it to the general reader line by line.
struct ProjectLineScanner {
    struct Decline: Error {}

    let tables: ProjectLineTables
    // The line being scanned, valid for the call of `scan`.
    var b: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
    var n = 0
    var i = 0
    /// Per line: the projects' ids; per project: loan and lease ids, certification products.
    var projectIds: [Span] = []
    var loanIds: [Span] = []
    var leaseIds: [Span] = []
    var products: [(id: Span, amount: Int64)] = []
    /// Industry codes (at most five ASCII characters, packed) → the builder's index.
    var industries: [UInt64: UInt16] = [:]

    /// More than this many projects in a line, or loans, leases or certifications in a project,
    /// is a rare shape: the general reader's (its checks of unique ids are not pairwise).
    static let maxPerLine = 64

    init(tables: ProjectLineTables) { self.tables = tables }

    /// Scans the line into the builder's population; false (nothing written) when the line is
    /// for the general reader.
    mutating func scan(_ line: UnsafeBufferPointer<UInt8>, into builder: inout PopulationBuilder) -> Bool {
        guard line.count > 0 else { return false }
        start(line)
        let mark = builder.population.mark
        do throws(Decline) {
            try file(&builder)
            return true
        } catch {
            builder.population.truncate(to: mark)
            return false
        }
    }


    /// Points the scanner at `bytes`, from their start, with no project seen yet.
    @inline(__always) mutating func start(_ bytes: UnsafeBufferPointer<UInt8>) {
        b = bytes
        n = bytes.count
        i = 0
        if !projectIds.isEmpty { projectIds.removeAll(keepingCapacity: true) }
    }

    mutating func file(_ builder: inout PopulationBuilder) throws(Decline) {
        try take(123)
        var seen: UInt32 = 0
        var district: UInt16 = 0
        var industry: UInt64 = 0
        if !empty(125) {
            repeat {
                let k = try key(tables.fileKeys, after: seen)
                try Self.see(&seen, k)
                if k == 0 {
                    (district, industry) = try enterprise()
                } else if k == 2 {
                    // Any JSON to the general reader, never read: a plain string here (the
                    // examples' schema link); valid UTF-8 as the parser wants.
                    _ = try text(.note)
                } else {
                    try take(91)
                    guard !empty(93) else { throw Decline() }
                    repeat { try project(&builder.population) } while try more(93)
                }
            } while try more(125)
        }
        guard seen & 3 == 3 else { throw Decline() }
        skipSpace()
        guard i == n else { throw Decline() }
        // The enterprise's district and industry for each of its projects, now that both are known.
        let index: UInt16
        if let known = industries[industry] { index = known } else {
            var code = "", v = industry
            while v != 0 { code.unicodeScalars.append(Unicode.Scalar(UInt8(v & 0xFF))); v >>= 8 }
            index = UInt16(builder.industryIndex(of: code))
            industries[industry] = index
        }
        for _ in projectIds {
            builder.population.district.append(district)
            builder.population.industry.append(index)
        }
        builder.population.count += projectIds.count
    }

    /// The enterprise: every check of `ProjectFileReader.enterprise`; its district's position
    /// and its industry code packed.
    mutating func enterprise() throws(Decline) -> (UInt16, UInt64) {
        try take(123)
        var seen: UInt32 = 0
        var district: UInt16 = 0
        var industry: UInt64 = 0
        if !empty(125) {
            repeat {
                let k = try key(tables.enterpriseKeys, after: seen)
                try Self.see(&seen, k)
                switch k {
                case 0: try creditCode()
                case 1, 4, 5: _ = try text(.name)
                case 2:
                    let s = try rawString()
                    guard let found = tables.districts.first(where: { equal($0.text, s) }) else { throw Decline() }
                    district = found.index
                case 3: industry = try industryCode()
                default: try phone()
                }
            } while try more(125)
        }
        guard seen & 0b1111 == 0b1111 else { throw Decline() }
        return (district, industry)
    }

    func equal(_ text: [UInt8], _ s: Span) -> Bool {
        text.count == s.count && text.withUnsafeBufferPointer { memcmp($0.baseAddress!, b.baseAddress! + s.start, s.count) == 0 }
    }

    /// GB 32100-2015: 18 characters of the alphabet, the last the check character.
    mutating func creditCode() throws(Decline) {
        let s = try rawString()
        guard s.count == 18 else { throw Decline() }
        var sum = 0
        for k in 0..<17 {
            let v = CreditCode.value[Int(b[s.start + k])]
            guard v >= 0 else { throw Decline() }
            sum += Int(v) * CreditCode.weights[k]
        }
        let check = CreditCode.value[Int(b[s.start + 17])]
        guard check >= 0, Int(check) == (31 - sum % 31) % 31 else { throw Decline() }
    }

    /// GB/T 4754: a letter A–T and up to four digits, packed into an integer.
    mutating func industryCode() throws(Decline) -> UInt64 {
        let s = try rawString()
        guard (1...5).contains(s.count), b[s.start] >= 65, b[s.start] <= 84 else { throw Decline() }
        var packed = UInt64(b[s.start])
        for k in 1..<s.count {
            let c = b[s.start + k]
            guard c >= 48 && c <= 57 else { throw Decline() }
            packed |= UInt64(c) << UInt64(8 * k)
        }
        return packed
    }

    /// Digits, spaces, `+` and `-`, at least one digit, a code's length.
    mutating func phone() throws(Decline) {
        let s = try rawString()
        guard s.count > 0, s.count <= TextKind.code.maxLength, b[s.start] != 32, b[s.end - 1] != 32 else { throw Decline() }
        var digit = false
        for k in s.start..<s.end {
            let c = b[k]
            if c >= 48 && c <= 57 { digit = true } else if c != 32 && c != 43 && c != 45 { throw Decline() }
        }
        guard digit else { throw Decline() }
    }

    /// GB/T 40058-2021's shape `YYYY-RRRRRR-DD-TT-NNNNNN`, a plausible year, a Shanghai division.
    mutating func nationalCode() throws(Decline) {
        let s = try rawString()
        guard s.count == 24 else { throw Decline() }
        var year = 0, division = 0
        for k in 0..<24 {
            let c = b[s.start + k]
            if k == 4 || k == 11 || k == 14 || k == 17 {
                guard c == 45 else { throw Decline() }
                continue
            }
            guard c >= 48 && c <= 57 else { throw Decline() }
            if k < 4 { year = year * 10 + Int(c - 48) } else if k < 11 { division = division * 10 + Int(c - 48) }
        }
        guard (2014...2100).contains(year), tables.divisions.contains(division) else { throw Decline() }
    }
}

extension CreditCode {
    /// Each byte's value in the alphabet, -1 outside it.
    static let value: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (v, c) in alphabet.enumerated() { table[Int(c.asciiValue!)] = Int8(v) }
        return table
    }()
}
