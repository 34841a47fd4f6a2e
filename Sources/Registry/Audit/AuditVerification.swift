import FluentKit
import Foundation
import Policy

/// The result of walking the audit trail's chain from its first entry.
public enum AuditVerification: Sendable, Equatable {
    /// Every entry's hash is right and links to the one before; `head` is the last entry's hash.
    case intact(entries: Int64, head: String)
    /// The first entry that does not hold, and why.
    case broken(seq: Int64, reason: LocalizedText)
}

extension AuditTrail {
    /// Recomputes every entry's hash in order, a page at a time (memory stays flat). An edited
    /// entry fails its own hash; a removed one leaves a gap in `seq` or a broken link.
    ///
    /// What a chain alone cannot show: entries cut from the end. Compare `head` with a value
    /// kept elsewhere (a printed report, another system) to cover that.
    public static func verify(on db: any Database, pageSize: Int = 1000) async throws -> AuditVerification {
        var expectedSeq: Int64 = 1
        var previous = AuditChain.genesis
        while true {
            let page = try await AuditEntryModel.query(on: db).filter(\.$seq >= expectedSeq)
                .sort(\.$seq).limit(pageSize).all()
            if page.isEmpty { return .intact(entries: expectedSeq - 1, head: previous) }
            for entry in page {
                if entry.seq != expectedSeq {
                    return .broken(seq: expectedSeq, reason: LocalizedText(
                        zh: "缺少第 \(expectedSeq) 条记录（下一条是第 \(entry.seq) 条）：记录被删除",
                        en: "entry \(expectedSeq) is missing (the next is \(entry.seq)): an entry was deleted"))
                }
                if entry.previousHash != previous {
                    return .broken(seq: entry.seq, reason: LocalizedText(
                        zh: "第 \(entry.seq) 条记录的前一哈希与第 \(entry.seq - 1) 条不符",
                        en: "entry \(entry.seq)'s previous hash does not match entry \(entry.seq - 1)"))
                }
                if AuditChain.hash(of: entry) != entry.hash {
                    return .broken(seq: entry.seq, reason: LocalizedText(
                        zh: "第 \(entry.seq) 条记录的内容与其哈希不符：记录被改动",
                        en: "entry \(entry.seq)'s content does not match its hash: the entry was altered"))
                }
                previous = entry.hash
                expectedSeq += 1
            }
        }
    }
}
