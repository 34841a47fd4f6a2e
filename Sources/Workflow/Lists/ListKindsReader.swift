import Policy

/// Reads `lists.yaml` and checks it against the policy library: each clause, target, measure and
/// instrument named exists; a measure is fed by one list only and not also counted from projects.
enum ListKindsReader {
    static func read(_ n: WorkflowNode, policy: PolicyLibrary) -> ListKinds {
        var kinds: [ListKind] = []
        var fed: [String: String] = [:]
        for k in n.required("kinds")?.elements ?? [] {
            guard let id = k.string("id"), let name = k.text("name"), let clause = k.string("clause") else { continue }
            if !isIdentifier(id) { k.error(zh: "编号只能含小写字母、数字和 -：\(id)", en: "an id holds lower-case letters, digits and - only: \(id)") }
            if kinds.contains(where: { $0.id == id }) { k.error(zh: "清单种类重复：\(id)", en: "list kind repeated: \(id)") }
            if policy.clauses[clause] == nil { k.error(zh: "没有条款“\(clause)”", en: "no clause '\(clause)'") }
            var fields: [ListField] = []
            for f in k.child("fields")?.elements ?? [] {
                guard let fid = f.string("id"), let label = f.text("label") else { continue }
                if !isIdentifier(fid) || ListColumn(rawValue: fid) != nil || fields.contains(where: { $0.id == fid }) {
                    f.error(zh: "字段编号无效或与公共列重复：\(fid)", en: "a field id invalid or taken by a common column: \(fid)")
                }
                fields.append(ListField(id: fid, label: label))
            }
            var required: Set<ListColumn> = []
            if let r = k.child("required") {
                for e in r.elements {
                    guard let s = e.scalar else { continue }
                    if let c = ListColumn(rawValue: s), c != .key, c != .name { required.insert(c) } else {
                        e.error(zh: "只能要求 enterprise、creditCode、district、year：\(s)", en: "only enterprise, creditCode, district, year may be required: \(s)")
                    }
                }
            }
            var counts: [ListCount] = []
            for c in k.child("counts")?.elements ?? [] {
                guard let target = c.string("target"), let measure = c.string("measure") else { continue }
                let perYear: Bool
                switch c.child("per")?.scalar {
                case nil: perYear = false
                case "year": perYear = true
                case let other?: c.error(zh: "per 只能是 year：\(other)", en: "per can only be year: \(other)"); perYear = false
                }
                if let t = policy.targets.first(where: { $0.id == target }) {
                    if let m = t.measures.first(where: { $0.id == measure }) {
                        if m.counted != nil { c.error(zh: "指标\(measure)已由项目库统计（targets.yaml counted），不能再由清单计数", en: "the measure \(measure) is counted from the projects (targets.yaml counted) and cannot also be fed by a list") }
                        if perYear != (m.pace == .yearly) { c.error(zh: "指标\(measure)的节奏与 per 不一致（按年的指标写 per: year）", en: "the measure \(measure)'s pace disagrees with per (a yearly measure has per: year)") }
                    } else {
                        c.error(zh: "目标\(target)没有指标“\(measure)”", en: "target \(target) has no measure '\(measure)'")
                    }
                } else {
                    c.error(zh: "没有目标“\(target)”", en: "no target '\(target)'")
                }
                if let other = fed[measure] { c.error(zh: "指标\(measure)已由清单\(other)计数", en: "the measure \(measure) is fed by the list \(other) already") }
                fed[measure] = id
                counts.append(ListCount(target: target, measure: measure, perYear: perYear))
            }
            let drives = k.child("drives")?.scalar
            if let d = drives, policy.instrument(d) == nil { k.error(zh: "没有工具“\(d)”", en: "no instrument '\(d)'") }
            kinds.append(ListKind(id: id, name: name, clause: clause, fields: fields, required: required, counts: counts, drives: drives))
        }
        // A recognition check of an instrument names kinds of this file (16.yaml's first-sets …).
        for def in policy.instruments {
            for c in def.conditions + def.unitConditions {
                for kind in c.recognition?.kinds ?? [] where !kinds.contains(where: { $0.id == kind }) {
                    n.error(zh: "工具 \(def.id) 的条件 \(c.id) 引用了不存在的清单种类“\(kind)”",
                            en: "instrument \(def.id)'s condition \(c.id) names no kind of list here: '\(kind)'")
                }
            }
        }
        return ListKinds(kinds: kinds)
    }

    static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 64 && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
