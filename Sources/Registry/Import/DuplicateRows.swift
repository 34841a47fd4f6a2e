/// Finds a project that appears twice in one file, keeping 128 bits of hash per row rather than
/// the keys themselves, so a million-row import does not hold a million strings (about 40 bytes
/// a row). Two different keys share a 128-bit hash with a probability near 10⁻²⁷ for a million
/// rows: far below a disk's error rate.
struct DuplicateRows {
    struct Key: Hashable {
        var a: Int
        var b: Int
    }

    private var rows: [Key: Int32] = [:]

    /// The row that first had this (enterprise, project), or nil, recording this one.
    mutating func firstRow(of creditCode: String, _ projectId: String, row: Int) -> Int? {
        // Hasher is seeded per process; two seeds (the prefixes 0 and 1) make two independent halves.
        var h1 = Hasher(), h2 = Hasher()
        h1.combine(0); h1.combine(creditCode); h1.combine(projectId)
        h2.combine(1); h2.combine(creditCode); h2.combine(projectId)
        let key = Key(a: h1.finalize(), b: h2.finalize())
        if let first = rows[key] { return Int(first) }
        rows[key] = Int32(clamping: row)
        return nil
    }
}
