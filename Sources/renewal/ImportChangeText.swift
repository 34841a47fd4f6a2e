import Foundation
import Policy
import Registry

/// The replaced projects of an import as the command prints them: a line a project (row, ids,
/// recommended total before → after, the version kept), then its changed fields.
enum ImportChangeText {
    static func print(_ changes: [ImportChangeModel], language: Language) {
        let zh = language == .zh
        for c in changes {
            let total = "\(c.before.decimalString) → \(c.after.decimalString)"
            Swift.print(zh ? "  第 \(c.row) 行 \(c.creditCode) / \(c.projectCode)：推荐合计 \(total)（原项目为第 \(c.version) 版）"
                           : "  row \(c.row) \(c.creditCode) / \(c.projectCode): recommended total \(total) (kept as version \(c.version))")
            for f in c.fields { Swift.print("    " + f.text(zh: zh)) }
        }
    }
}
