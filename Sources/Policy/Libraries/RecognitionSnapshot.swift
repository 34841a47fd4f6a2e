/// The recognitions as the engine sees them (十六): the published editions of the kinds that
/// decide a condition, handed in as a value (from the store by the server, from a file given to
/// `renewal match --recognitions`), never a query.
public struct RecognitionSnapshot: Sendable, Equatable {
    /// Every entry naming each key, in publication order.
    public let byKey: [String: [RecognitionEntry]]

    public init(entries: [RecognitionEntry]) {
        var byKey: [String: [RecognitionEntry]] = [:]
        for e in entries { byKey[e.key, default: []].append(e) }
        self.byKey = byKey.mapValues { $0.sorted { ($0.publishedOn, $0.kind, $0.edition) < ($1.publishedOn, $1.kind, $1.edition) } }
    }

    public var count: Int { byKey.values.reduce(0) { $0 + $1.count } }

    public enum Lookup: Sendable, Equatable {
        /// Recognised in one of the kinds asked for, published by the day and still in force.
        case recognised(RecognitionEntry)
        /// Recognised in a kind asked for, but its years of recognition are over by the day.
        case expired(RecognitionEntry)
        /// Recognised in a kind asked for only in an edition published after the day.
        case notYet(RecognitionEntry)
        /// Listed, but only in other kinds (a first batch where a first set is asked for).
        case otherKind(RecognitionEntry)
        case unknown
    }

    /// What the lists say of a key on a day, for these kinds. A recognition of year Y stands
    /// from its edition's publication through the end of year Y + validYears − 1 (nil: no end).
    public func lookup(_ key: String, kinds: [String], on day: Day, validYears: Int?) -> Lookup {
        guard let all = byKey[key], !all.isEmpty else { return .unknown }
        let asked = all.filter { kinds.contains($0.kind) }
        guard !asked.isEmpty else { return .otherKind(all[0]) }
        let published = asked.filter { $0.publishedOn <= day }
        guard !published.isEmpty else { return .notYet(asked[0]) }
        func inForce(_ e: RecognitionEntry) -> Bool { validYears.map { day.year <= e.year + $0 - 1 } ?? true }
        if let now = published.last(where: inForce) { return .recognised(now) }
        return .expired(published.last!)
    }
}
