import Policy

/// A deferrable item accepted as missing (容缺), and the day it is due.
public struct DeferredItem: Sendable, Hashable, Codable {
    public var item: String
    public var due: Day

    public init(item: String, due: Day) {
        self.item = item
        self.due = due
    }
}
