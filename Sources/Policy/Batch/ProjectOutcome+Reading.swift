/// What callers outside the engine read of an outcome, so that they need not know how its
/// buffers are laid out.
extension ProjectOutcome {
    /// The recommended combination's total.
    public var recommendedTotal: Money { Money(fen: total) }

    /// The ids of the city instruments in the recommended combination, in library order.
    public var recommendedCityInstruments: [String] {
        (0..<cityCount).filter { inCombination[$0] }.map { instrumentIds[$0] }
    }

    /// Whether the instrument with this id is in the recommended combination.
    public func recommends(_ id: String) -> Bool {
        guard let i = instrumentIds.firstIndex(of: id) else { return false }
        return inCombination[i]
    }
}
