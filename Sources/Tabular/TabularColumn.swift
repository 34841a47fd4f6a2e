import Policy

/// One column of the wide format.
public enum TabularColumn: Hashable, Sendable, CustomStringConvertible {
    case field(TabularField)
    case loan(Int, LoanField)
    /// Interest paid on loan *n* in a calendar year.
    case loanInterest(Int, year: Int)
    case lease(Int, LeaseField)
    case item(Int, ItemField)
    case certification(Int, CertificationField)

    /// The machine header: `credit_code`, `loan2_principal`, `loan1_interest_2024`.
    public var key: String {
        switch self {
        case .field(let f): return f.rawValue
        case let .loan(n, f): return "loan\(n)_\(f.rawValue)"
        case let .loanInterest(n, year): return "loan\(n)_interest_\(year)"
        case let .lease(n, f): return "lease\(n)_\(f.rawValue)"
        case let .item(n, f): return "item\(n)_\(f.rawValue)"
        case let .certification(n, f): return "cert\(n)_\(f.rawValue)"
        }
    }

    /// The Chinese header: `统一社会信用代码`, `贷款2本金`, `贷款1利息2024`.
    public var chineseName: String {
        switch self {
        case .field(let f): return f.chineseName
        case let .loan(n, f): return "\(LoanField.chinesePrefix)\(n)\(f.chineseName)"
        case let .loanInterest(n, year): return "\(LoanField.chinesePrefix)\(n)利息\(year)"
        case let .lease(n, f): return "\(LeaseField.chinesePrefix)\(n)\(f.chineseName)"
        case let .item(n, f): return "\(ItemField.chinesePrefix)\(n)\(f.chineseName)"
        case let .certification(n, f): return "\(CertificationField.chinesePrefix)\(n)\(f.chineseName)"
        }
    }

    public var valueKind: TabularValueKind {
        switch self {
        case .field(let f): return f.valueKind
        case .loan(_, let f): return f.valueKind
        case .loanInterest: return .amount
        case .lease(_, let f): return f.valueKind
        case .item(_, let f): return f.valueKind
        case .certification(_, let f): return f.valueKind
        }
    }

    public var description: String { key }

    /// The column a header names, or why it names none. Headers are matched ignoring case,
    /// spaces, `_` and `-`, and a trailing unit in brackets: `Loan 2 Principal (元)` is
    /// `loan2_principal`; Chinese headers as in `chineseName` and the aliases of the fields.
    public static func parse(header raw: String) -> Result<TabularColumn, HeaderProblem> {
        var text = raw.trimmingCharacters(in: .tabularWhitespace)
        // A trailing unit: "申报投资（元）", "principal (yuan)". Amounts in 万元 would be read
        // 10,000 times too small: refused.
        for (open, close) in [("(", ")"), ("（", "）"), ("[", "]"), ("【", "】")] where text.hasSuffix(close) {
            if let r = text.range(of: open, options: .backwards) {
                let unit = text[r.upperBound...].dropLast()
                if unit.contains("万") { return .failure(.tenThousandYuan) }
                text = String(text[..<r.lowerBound])
            }
        }
        let key = normalized(text)
        guard !key.isEmpty else { return .failure(.empty) }
        if let column = Names.table[key] { return .success(column) }
        // Group numbers end at a separator or a letter: keep "_" to tell "贷款1_2025年利息".
        let spaced = String(String.UnicodeScalarView(text.lowercased().unicodeScalars.compactMap {
            $0.properties.isWhitespace || $0 == "\u{3000}" ? nil : ($0 == "-" ? "_" : $0)
        }))
        if let column = groupColumn(spaced) { return .success(column) }
        return .failure(.unknown)
    }

    public enum HeaderProblem: Error, Sendable, Equatable {
        case empty, unknown, tenThousandYuan
    }

    /// Lower case without white space, `_` or `-`.
    static func normalized<S: StringProtocol>(_ s: S) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter {
            !($0.properties.isWhitespace || $0 == "_" || $0 == "-" || $0 == "\u{3000}")
        }))
    }

    static func groupColumn(_ key: String) -> TabularColumn? {
        func split(_ prefix: String) -> (Int, String)? {
            guard key.hasPrefix(prefix) else { return nil }
            var rest = key.dropFirst(prefix.count)
            if rest.first == "_" { rest = rest.dropFirst() }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 3, let n = Int(digits), n >= 1 else { return nil }
            return (n, normalized(rest.dropFirst(digits.count)))
        }
        func field<F: TabularGroupField>(_ type: F.Type, _ rest: String) -> F? {
            Names.groupFields(type)[rest]
        }
        for prefix in ["loan", LoanField.chinesePrefix] {
            guard let (n, rest) = split(prefix) else { continue }
            if let f = field(LoanField.self, rest) { return .loan(n, f) }
            // loan1_interest_2024, 贷款1利息2024, 贷款1_2024年利息
            for (head, tail) in [("interest", ""), ("利息", ""), ("", "年利息"), ("", "年实付利息")] {
                guard rest.hasPrefix(head), rest.hasSuffix(tail) else { continue }
                let year = rest.dropFirst(head.count).dropLast(tail.count)
                if year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(year) {
                    return .loanInterest(n, year: y)
                }
            }
            return nil
        }
        for prefix in ["lease", LeaseField.chinesePrefix, "租赁"] {
            if let (n, rest) = split(prefix) { return field(LeaseField.self, rest).map { .lease(n, $0) } }
        }
        for prefix in ["item", ItemField.chinesePrefix] {
            if let (n, rest) = split(prefix) { return field(ItemField.self, rest).map { .item(n, $0) } }
        }
        for prefix in ["cert", CertificationField.chinesePrefix, "认证检测"] {
            if let (n, rest) = split(prefix) { return field(CertificationField.self, rest).map { .certification(n, $0) } }
        }
        return nil
    }

    enum Names {
        /// Every accepted name of a fixed column, normalized.
        static let table: [String: TabularColumn] = {
            var t: [String: TabularColumn] = [:]
            for f in TabularField.allCases {
                t[normalized(f.rawValue)] = .field(f)
                for name in f.chineseNames { t[normalized(name)] = .field(f) }
            }
            return t
        }()

        static let loan = names(LoanField.self)
        static let lease = names(LeaseField.self)
        static let item = names(ItemField.self)
        static let cert = names(CertificationField.self)

        static func names<F: TabularGroupField>(_ type: F.Type) -> [String: F] {
            var t: [String: F] = [:]
            for f in F.allCases {
                t[normalized(f.rawValue)] = f
                for name in f.chineseNames { t[normalized(name)] = f }
            }
            return t
        }

        static func groupFields<F: TabularGroupField>(_ type: F.Type) -> [String: F] {
            switch type {
            case is LoanField.Type: return loan as! [String: F]
            case is LeaseField.Type: return lease as! [String: F]
            case is ItemField.Type: return item as! [String: F]
            default: return cert as! [String: F]
            }
        }
    }
}
