import Foundation

/// The state of registry records as the audit trail keeps it before and after a change: the
/// fields a reader of the trail needs to see what changed (a project's full content before an
/// edit is kept in its versions; the trail names it by its version).
enum AuditStates {
    static func enterprise(_ e: EnterpriseModel) -> String {
        AuditChange.state(["creditCode": e.creditCode, "name": e.name, "district": e.district, "industryCode": e.industryCode])
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
