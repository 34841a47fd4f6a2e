import FluentKit
import SQLKit

/// The part of the registry an account may see, as the stores apply it to their queries: all of
/// it, one enterprise's records, one district's, or none. The server derives it from the
/// account's role and binding (`Visibility` in App); a list filtered by it never shows the rest.
public enum RecordScope: Sendable, Hashable {
    case everything
    /// The enterprise of this unified social credit code.
    case enterprise(creditCode: String)
    /// The enterprises (and their projects) of this district, by the vocabulary's id (`pudong`).
    case district(String)
    case nothing

    /// Whether an enterprise of this code and district is inside.
    public func admits(creditCode: String, district: String) -> Bool {
        switch self {
        case .everything: return true
        case .enterprise(let code): return code == creditCode
        case .district(let d): return d == district
        case .nothing: return false
        }
    }

    /// The scope as an SQL condition on the projects table.
    func projectConditions(_ builder: some SQLPredicateBuilder) {
        switch self {
        case .everything: break
        case .district(let d): builder.where("district", .equal, SQLBind(d))
        case .enterprise(let code):
            builder.where(SQLColumn("enterprise_id"), .in, SQLGroupExpression(SQLList([
                SQLRaw("SELECT id FROM \(EnterpriseModel.schema) WHERE credit_code = "), SQLBind(code)], separator: SQLRaw(""))))
        case .nothing: builder.where(SQLLiteral.numeric("1"), .equal, SQLLiteral.numeric("0"))
        }
    }

    /// The scope on a query of enterprises.
    func enterpriseConditions(_ query: QueryBuilder<EnterpriseModel>) {
        switch self {
        case .everything: break
        case .district(let d): query.filter(\.$district == d)
        case .enterprise(let code): query.filter(\.$creditCode == code)
        case .nothing: query.filter(\.$creditCode == "").filter(\.$creditCode != "")
        }
    }
}
