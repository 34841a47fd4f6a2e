/// How a budget pool is shared when the requests exceed it (per pool, set by the city officer):
/// `priority` serves projects at or above the (七) investment threshold first (reading 1), then
/// by application date; `pro_rata` gives every request the same share of what it asked.
public enum RationingMethod: String, Sendable, Codable, CaseIterable {
    case priority
    case proRata = "pro_rata"
}
