import Foundation
import Policy
import Spreadsheet

// From the reader's JSON paths back to the columns they came from.
extension RowConverter {
    struct GroupNumbers {
        var loans: [Int] = [], leases: [Int] = [], items: [Int] = [], certs: [Int] = []
    }

    enum PathPart: Equatable {
        case key(String), index(Int), quoted(String)
    }

    static func parts(_ path: String) -> [PathPart] {
        var out: [PathPart] = []
        var chars = Substring(path)
        if chars.first == "$" { chars = chars.dropFirst() }
        while let c = chars.first {
            if c == "." {
                chars = chars.dropFirst()
                let key = chars.prefix { $0 != "." && $0 != "[" }
                out.append(.key(String(key)))
                chars = chars.dropFirst(key.count)
            } else if c == "[" {
                chars = chars.dropFirst()
                if chars.first == "\"" {
                    let body = chars.dropFirst().prefix { $0 != "\"" }
                    out.append(.quoted(String(body)))
                    chars = chars.dropFirst(body.count + 2)
                } else {
                    let digits = chars.prefix { $0 != "]" }
                    out.append(.index(Int(digits) ?? -1))
                    chars = chars.dropFirst(digits.count)
                }
                if chars.first == "]" { chars = chars.dropFirst() }
            } else {
                chars = chars.dropFirst()
            }
        }
        return out
    }

    static let fieldsByPath: [String: TabularField] = {
        var t: [String: TabularField] = [:]
        for f in TabularField.allCases {
            let p = f.jsonPath
            t[(p.enterprise ? "enterprise." : "project.") + p.keys.joined(separator: ".")] = f
        }
        return t
    }()

    /// The column of a path of the one-project file built for a row.
    static func column(for path: String, _ numbers: GroupNumbers) -> TabularColumn? {
        let p = parts(path)
        guard let first = p.first else { return nil }
        if first == .key("enterprise") {
            guard p.count >= 2, case .key(let k) = p[1] else { return nil }
            return fieldsByPath["enterprise.\(k)"].map { .field($0) }
        }
        guard first == .key("projects"), p.count >= 3, case .key(let k) = p[2] else { return nil }
        let rest = Array(p.dropFirst(3))
        func member<F: TabularGroupField>(_ type: F.Type, _ numbers: [Int], _ make: (Int, F) -> TabularColumn) -> TabularColumn? {
            guard case .index(let i)? = rest.first, numbers.indices.contains(i) else { return nil }
            let n = numbers[i]
            guard rest.count >= 2, case .key(let key) = rest[1] else {
                return F.required.first.map { make(n, $0) }
            }
            if key == "interestPaid", case .quoted(let year)? = rest.dropFirst(2).first, let y = Int(year) {
                return .loanInterest(n, year: y)
            }
            return F.allCases.first { $0.jsonKey == key }.map { make(n, $0) }
        }
        switch k {
        case "loans": return member(LoanField.self, numbers.loans) { .loan($0, $1) }
        case "leases": return member(LeaseField.self, numbers.leases) { .lease($0, $1) }
        case "equipment": return member(ItemField.self, numbers.items) { .item($0, $1) }
        case "certifications": return member(CertificationField.self, numbers.certs) { .certification($0, $1) }
        case "investment", "innovativeProductContract", "marketContract", "softwareSales":
            let sub: String
            if case .key(let s)? = rest.first { sub = s } else { sub = k == "investment" ? "declared" : "amount" }
            return fieldsByPath["project.\(k).\(sub)"].map { .field($0) }
        default:
            return fieldsByPath["project.\(k)"].map { .field($0) }
        }
    }
}
