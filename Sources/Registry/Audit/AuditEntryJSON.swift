import Foundation
import Policy

/// An audit entry as a JSON object (the API's `AuditEntry`, and a line of `renewal audit export`).
public enum AuditEntryJSON {
    public static func line(_ e: AuditEntryModel) -> Data {
        var out = JSONOutput()
        write(e, to: &out)
        return Data(out.bytes)
    }

    public static func write(_ e: AuditEntryModel, to out: inout JSONOutput) {
        out.beginObject()
        out.member("seq", Int(e.seq))
        out.member("at", timestamp(e.atMilliseconds))
        out.member("actorUserId", e.actorUserID?.uuidString.lowercased())
        out.member("actorName", e.actorName)
        out.member("address", e.address)
        out.member("action", e.action)
        out.member("subjectType", e.subjectType)
        out.member("subjectId", e.subjectID)
        out.member("caseId", e.caseID)
        out.member("before", e.beforeJSON)
        out.member("after", e.afterJSON)
        out.member("previousHash", e.previousHash)
        out.member("hash", e.hash)
        out.endObject()
    }

    /// ISO 8601 in UTC with milliseconds, as stored.
    static func timestamp(_ ms: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }
}
