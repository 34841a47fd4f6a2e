import Policy

/// The materials checklists of all the city's instruments: the items, and which items each
/// instrument asks for, in the order the data lists them.
public struct MaterialsChecklist: Sendable {
    public var items: [String: MaterialItem]
    /// Instrument id → item ids.
    public var instruments: [String: [String]]
    /// Instruments that are not applied for on the platform (the national ones), and why.
    public var notAppliedHere: Set<String>
    public var notAppliedReason: LocalizedText?

    public init(items: [String: MaterialItem], instruments: [String: [String]],
                notAppliedHere: Set<String> = [], notAppliedReason: LocalizedText? = nil) {
        self.items = items
        self.instruments = instruments
        self.notAppliedHere = notAppliedHere
        self.notAppliedReason = notAppliedReason
    }

    /// The items an application for these instruments needs: the union, each item once, in the
    /// order of first appearance (instruments in the order given).
    public func items(for instrumentIDs: [String]) -> [MaterialItem] {
        var seen: Set<String> = []
        var out: [MaterialItem] = []
        for instrument in instrumentIDs {
            for id in instruments[instrument] ?? [] where seen.insert(id).inserted {
                if let item = items[id] { out.append(item) }
            }
        }
        return out
    }
}
