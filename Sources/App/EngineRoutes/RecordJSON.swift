import Foundation
import Policy
import Registry

/// Stored enterprises and projects as the contract's `EnterpriseRecord` and `ProjectRecord`,
/// written straight from the store's records (the project itself by `ProjectFileWriter`, the
/// same form a project file has).
enum RecordJSON {
    static func enterprise(_ e: EnterpriseModel, projectCount: Int) -> [UInt8] {
        var out = JSONOutput(capacity: 512)
        out.beginObject()
        out.member("creditCode", e.creditCode)
        out.member("name", e.name)
        out.member("district", e.district)
        out.member("industryCode", e.industryCode)
        if let v = e.legalRepresentative { out.member("legalRepresentative", v) }
        if let v = e.address { out.member("address", v) }
        if let v = e.phone { out.member("phone", v) }
        out.member("projectCount", projectCount)
        out.member("createdAt", timestamp(e.createdAt))
        out.member("updatedAt", timestamp(e.updatedAt ?? e.createdAt))
        out.endObject()
        return out.bytes
    }

    static func project(_ m: ProjectModel) throws -> [UInt8] {
        var out = JSONOutput(capacity: 4096)
        out.beginObject()
        out.member("id", try m.requireID().uuidString.lowercased())
        out.member("creditCode", m.enterprise.creditCode)
        out.member("enterpriseName", m.enterprise.name)
        out.member("status", m.status)
        out.key("project")
        out.value(ProjectFileWriter.project(m.domain()))
        out.member("recommendedTotal", Money(fen: m.recommendedFen))
        out.member("recommendedInstruments", m.recommendedInstruments.split(separator: ",")) { o, id in o.string(String(id)) }
        out.member("statusHistory", m.statusEvents.sorted { $0.at < $1.at }) { o, event in
            o.beginObject()
            o.member("from", event.fromStatus)
            o.member("to", event.toStatus)
            o.member("at", timestamp(event.at))
            o.member("note", event.note)
            o.member("changedBy", event.changedBy)
            o.endObject()
        }
        out.member("createdAt", timestamp(m.createdAt))
        out.member("updatedAt", timestamp(m.updatedAt ?? m.createdAt))
        out.endObject()
        return out.bytes
    }

    /// An earlier version of a project (`ProjectVersion`): its summary, and the project as it
    /// was stored (written by `ProjectFileWriter` then, passed on as it is).
    static func version(_ v: ProjectVersionModel) -> [UInt8] {
        var out = JSONOutput(capacity: 4096)
        out.beginObject()
        out.key("summary")
        out.beginObject()
        out.member("version", v.version)
        out.member("creditCode", v.creditCode)
        out.member("projectCode", v.projectCode)
        out.member("status", v.status)
        out.member("recommendedTotal", Money(fen: v.recommendedFen))
        out.member("recommendedInstruments", v.instruments) { o, id in o.string(id) }
        out.member("validFrom", v.validFrom.map(timestamp))
        out.member("replacedBy", v.replacedBy)
        out.member("replacedAt", timestamp(v.replacedAt))
        out.endObject()
        out.key("project")
        out.raw(Array(v.projectJSON.utf8))
        out.endObject()
        return out.bytes
    }

    /// RFC 3339 in UTC, whole seconds, as the generated types write `date-time`.
    static func timestamp(_ date: Date?) -> String {
        (date ?? Date()).formatted(.iso8601)
    }
}
