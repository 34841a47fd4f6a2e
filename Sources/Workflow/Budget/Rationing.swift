import Policy

/// Shares a pool among its requests. Pure: the requests, the pool and the method in, the
/// ranking out. The allotments never exceed a request, and add up to the pool exactly when the
/// requests exceed it (to the requests' total otherwise).
public enum Rationing {
    public static func ration(_ requests: [PoolRequest], pool: Money, method: RationingMethod, threshold: Money) -> [PoolPlacement] {
        let requested = requests.map(\.amount).sum()
        if requested <= pool {
            return byDate(requests).enumerated().map { PoolPlacement(place: $0 + 1, request: $1, allotted: $1.amount, reason: .poolSuffices) }
        }
        switch method {
        case .priority: return priority(requests, pool: pool, threshold: threshold)
        case .proRata: return proRata(requests, pool: pool, requested: requested)
        }
    }

    static func byDate(_ requests: [PoolRequest]) -> [PoolRequest] {
        requests.sorted { ($0.appliedOn, $0.id) < ($1.appliedOn, $1.id) }
    }

    /// Reading 1: at or above the threshold first, then by application date, then by id; each is
    /// served in full while the pool lasts, the first that does not fit gets what is left.
    static func priority(_ requests: [PoolRequest], pool: Money, threshold: Money) -> [PoolPlacement] {
        let ordered = requests.sorted {
            let a = $0.investment >= threshold, b = $1.investment >= threshold
            if a != b { return a }
            return ($0.appliedOn, $0.id) < ($1.appliedOn, $1.id)
        }
        var left = pool
        return ordered.enumerated().map { n, r in
            let given = Money.max(.zero, Money.min(r.amount, left))
            left -= given
            return PoolPlacement(place: n + 1, request: r, allotted: given, reason: .priority(aboveThreshold: r.investment >= threshold, threshold: threshold))
        }
    }

    /// Largest remainder (Hamilton): each gets ⌊amount × pool ÷ requested⌋ fen; the fen left
    /// over (fewer than the requests) go one each to the largest fractional parts, ties to the
    /// earlier application, then the smaller id. Products are taken in 128 bits: fen amounts
    /// times a pool overflow 64.
    static func proRata(_ requests: [PoolRequest], pool: Money, requested: Money) -> [PoolPlacement] {
        struct Share { var request: PoolRequest; var floor: Int64; var fraction: UInt64 }
        let shares = requests.map { r -> Share in
            let product = r.amount.fen.multipliedFullWidth(by: pool.fen)
            let (q, rem) = requested.fen.dividingFullWidth(product)
            return Share(request: r, floor: q, fraction: UInt64(rem))
        }
        var remainder = pool.fen - shares.map(\.floor).reduce(0, +)
        let byFraction = shares.indices.sorted {
            let a = shares[$0], b = shares[$1]
            if a.fraction != b.fraction { return a.fraction > b.fraction }
            return (a.request.appliedOn, a.request.id) < (b.request.appliedOn, b.request.id)
        }
        var extra = Set<Int>()
        for i in byFraction where remainder > 0 && shares[i].fraction > 0 {
            extra.insert(i)
            remainder -= 1
        }
        let ordered = shares.indices.sorted {
            let a = shares[$0].request, b = shares[$1].request
            return (a.appliedOn, a.id) < (b.appliedOn, b.id)
        }
        return ordered.enumerated().map { n, i in
            let s = shares[i]
            let share = Money(fen: s.floor)
            return PoolPlacement(place: n + 1, request: s.request, allotted: Money(fen: s.floor + (extra.contains(i) ? 1 : 0)),
                                 reason: .proRata(pool: pool, requested: requested, share: share, extraFen: extra.contains(i)))
        }
    }
}
