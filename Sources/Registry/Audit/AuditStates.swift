import Foundation

/// The state of registry records as the audit trail keeps it before and after a change: the
/// fields a reader of the trail needs to see what changed (a project's full content before an
/// edit is kept in its versions; the trail names it by its version).
enum AuditStates {
    static func enterprise(_ e: EnterpriseModel) -> String {
        var fields: [String: String?] = ["creditCode": e.creditCode, "name": e.name, "district": e.district, "industryCode": e.industryCode]
        // The details of migration 016 only where declared, so that earlier states read as before.
        for (key, value) in [("legalRepresentative", e.legalRepresentative), ("address", e.address), ("phone", e.phone)] {
            if let value { fields[key] = value }
        }
        return AuditChange.state(fields)
    }

    static func project(_ p: ProjectModel, creditCode: String) -> String {
        AuditChange.state(["creditCode": creditCode, "code": p.code, "name": p.name, "status": p.status,
                           "recommendedFen": String(p.recommendedFen),
                           "recommendedInstruments": p.recommendedInstruments.split(separator: ",").joined(separator: ",")])
    }

    static func status(_ status: String, note: String?) -> String {
        AuditChange.state(["status": status, "note": note])
    }
}
