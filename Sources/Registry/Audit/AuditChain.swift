import Crypto
import Foundation

/// How an audit entry's hash is formed: SHA-256 over the previous entry's hash and every field
/// of the entry, each written as `<byte count>:<bytes>;` so that no two different entries can
/// give the same input (a field cannot run into the next one).
enum AuditChain {
    /// The `previous_hash` of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    static func hash(seq: Int64, atMilliseconds: Int64, actorUserID: UUID?, actorName: String, address: String?,
                     change: AuditChange, previousHash: String) -> String {
        var input = [UInt8]()
        func field(_ text: String?) {
            guard let text else { input.append(contentsOf: Array("-;".utf8)); return }
            let bytes = Array(text.utf8)
            input.append(contentsOf: Array("\(bytes.count):".utf8))
            input.append(contentsOf: bytes)
            input.append(UInt8(ascii: ";"))
        }
        field(previousHash)
        field(String(seq))
        field(String(atMilliseconds))
        field(actorUserID?.uuidString.lowercased())
        field(actorName)
        field(address)
        field(change.action)
        field(change.subjectType)
        field(change.subjectID)
        field(change.caseID)
        field(change.before)
        field(change.after)
        return SHA256.hash(data: input).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    static func hash(of entry: AuditEntryModel) -> String {
        hash(seq: entry.seq, atMilliseconds: entry.atMilliseconds, actorUserID: entry.actorUserID,
             actorName: entry.actorName, address: entry.address, change: entry.change, previousHash: entry.previousHash)
    }
}

extension AuditEntryModel {
    var change: AuditChange {
        AuditChange(action: action, subjectType: subjectType, subjectID: subjectID, caseID: caseID,
                    before: beforeJSON, after: afterJSON)
    }
}
