import Foundation

/// One value of a bulk-written row, in the few types the registry's tables use.
///
/// Bulk import writes these straight into each driver's own form (SQLite's bound values,
/// PostgreSQL's COPY text) instead of boxing every value as an `Encodable` existential and
/// encoding it through SQLKit: that path cost more than SQLite's own work per row (perf).
/// The stored forms are the ones Fluent writes for the same Swift types, so the models read
/// bulk-written rows unchanged.
enum BulkValue: Sendable {
    case null
    case int(Int64)
    case text(String)
    case bool(Bool)
    case uuid(UUID)
    case time(Date)

    init(_ value: Int?) { self = value.map { .int(Int64($0)) } ?? .null }
    init(_ value: Int64?) { self = value.map { .int($0) } ?? .null }
    init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    init(_ value: Bool?) { self = value.map { .bool($0) } ?? .null }
    init(_ value: UUID) { self = .uuid(value) }
    init(_ value: Date) { self = .time(value) }
}
