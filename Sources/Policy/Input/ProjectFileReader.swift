/// Turns a parsed project file into a `ProjectFile`, or refuses it with every problem found,
/// each named by its JSON path. Nothing is evaluated for a file that has any issue.
public struct ProjectFileReader {
    let vocabulary: Vocabulary
    var issues: [ValidationIssue] = []

    public init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

    /// Reads JSON or YAML text.
    public static func read(text: String, vocabulary: Vocabulary) -> Result<ProjectFile, ValidationFailure> {
        var text = text
        return text.withUTF8 { read(bytes: $0, vocabulary: vocabulary) }
    }

    /// Reads JSON or YAML bytes in place (a line of a JSON Lines file, a request's body): JSON
    /// is parsed from the bytes themselves, YAML through a string.
    public static func read(bytes: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary) -> Result<ProjectFile, ValidationFailure> {
        let value: JSONValue
        do {
            if startsAsJSON(bytes) {
                value = try JSONParser.parse(bytes)
            } else {
                value = try JSONValue.parseYAML(String(decoding: bytes, as: UTF8.self))
            }
        } catch let error as JSONParser.SyntaxError {
            return .failure(ValidationFailure(issues: [error.issue]))
        } catch {
            return .failure(ValidationFailure(issues: [ValidationIssue(path: "$",
                zh: "YAML 格式错误：\(error)", en: "malformed YAML: \(error)")]))
        }
        return read(value, vocabulary: vocabulary)
    }

    /// The first character after spaces and a byte-order mark is `{` or `[`.
    static func startsAsJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 32, 10, 13, 9: i += 1
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF: i += 3
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    public static func read(_ value: JSONValue, vocabulary: Vocabulary) -> Result<ProjectFile, ValidationFailure> {
        var reader = ProjectFileReader(vocabulary: vocabulary)
        let file = reader.file(value)
        if let file, reader.issues.isEmpty { return .success(file) }
        return .failure(ValidationFailure(issues: reader.issues))
    }

    /// An enterprise alone (the API's enterprise endpoints); paths start at `$`.
    public static func readEnterprise(_ value: JSONValue, vocabulary: Vocabulary) -> Result<Enterprise, ValidationFailure> {
        var reader = ProjectFileReader(vocabulary: vocabulary)
        let enterprise = reader.enterprise(value, at: "$")
        if let enterprise, reader.issues.isEmpty { return .success(enterprise) }
        return .failure(ValidationFailure(issues: reader.issues))
    }

    /// A project alone (the API's project endpoints); paths start at `path`.
    public static func readProject(_ value: JSONValue, vocabulary: Vocabulary, at path: String = "$") -> Result<Project, ValidationFailure> {
        var reader = ProjectFileReader(vocabulary: vocabulary)
        let project = reader.project(value, at: path)
        if let project, reader.issues.isEmpty { return .success(project) }
        return .failure(ValidationFailure(issues: reader.issues))
    }

    // MARK: - The file

    static let fileFields: Set<String> = ["enterprise", "projects", "$schema"]
    static let enterpriseFields: Set<String> = [
        "creditCode", "name", "district", "industryCode", "legalRepresentative", "address", "phone",
    ]

    mutating func file(_ value: JSONValue) -> ProjectFile? {
        guard let members = object(value, at: "$", allowed: Self.fileFields) else { return nil }
        var enterprise: Enterprise?
        if let e = members["enterprise"] { enterprise = self.enterprise(e, at: "$.enterprise") } else { missing("$.enterprise") }
        var projects: [Project] = []
        if let list = members["projects"] {
            if let elements = array(list, at: "$.projects") {
                if elements.isEmpty {
                    issue("$.projects", zh: "至少需要一个项目", en: "at least one project is required")
                }
                for (i, element) in elements.enumerated() {
                    if let p = project(element, at: "$.projects[\(i)]") { projects.append(p) }
                }
                var seen: [String: Int] = [:]
                for (i, p) in projects.enumerated() {
                    if let first = seen[p.id] {
                        issue("$.projects[\(i)].id", zh: "项目编号与第 \(first + 1) 个项目重复：\(p.id)",
                              en: "duplicate project id \(p.id) (also project \(first + 1))")
                    } else { seen[p.id] = i }
                }
            }
        } else { missing("$.projects") }
        guard let enterprise else { return nil }
        return ProjectFile(enterprise: enterprise, projects: projects)
    }

    mutating func enterprise(_ value: JSONValue, at path: String) -> Enterprise? {
        guard let m = object(value, at: path, allowed: Self.enterpriseFields) else { return nil }
        let code = requiredString(m, "creditCode", .identifier, at: path)
        if let code { checkCreditCode(code, at: "\(path).creditCode") }
        let name = requiredString(m, "name", .name, at: path)
        var districtId: String?
        if let d = requiredString(m, "district", .code, at: path) {
            if let district = vocabulary.district(named: d) { districtId = district.id } else {
                issue("\(path).district", zh: "不是上海市的区：\(d)（可用：\(vocabulary.districts.map(\.name.zh).joined(separator: "、"))）",
                      en: "not a district of Shanghai: \(d) (one of \(vocabulary.districts.map(\.id).joined(separator: ", ")))")
            }
        }
        let industry = requiredString(m, "industryCode", .code, at: path)
        if let industry, !Self.isIndustryCode(industry) {
            issue("\(path).industryCode", zh: "行业代码应为 GB/T 4754 格式，如 C3484：\(industry)",
                  en: "industry code must follow GB/T 4754, e.g. C3484: \(industry)")
        }
        let representative = optionalString(m, "legalRepresentative", .name, at: path)
        let address = optionalString(m, "address", .name, at: path)
        var phone = optionalString(m, "phone", .code, at: path)
        if let p = phone, !Self.isPhone(p) {
            issue("\(path).phone", zh: "电话号码只能包含数字、空格、“+”和“-”，且至少有一位数字：\(p.shown)",
                  en: "a phone number holds digits, spaces, '+' and '-' only, with at least one digit: \(p.shown)")
            phone = nil
        }
        guard let code, let name, let districtId, let industry else { return nil }
        return Enterprise(creditCode: code, name: name, district: districtId, industryCode: industry,
                          legalRepresentative: representative, address: address, phone: phone)
    }

    /// Digits, spaces, `+` and `-`, at least one digit (the contract's `Phone` pattern).
    static func isPhone(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == " " || $0 == "+" || $0 == "-" }
            && text.unicodeScalars.contains { ("0"..."9").contains($0) }
    }

    static func isIndustryCode(_ code: String) -> Bool {
        guard let first = code.first, ("A"..."T").contains(first), (1...5).contains(code.count) else { return false }
        return code.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    mutating func checkCreditCode(_ code: String, at path: String) {
        switch CreditCode.problem(in: code) {
        case nil: return
        case .length(let n):
            issue(path, zh: "统一社会信用代码应为 18 位，实为 \(n) 位", en: "unified social credit code must have 18 characters, not \(n)")
        case let .character(position, found):
            issue(path, zh: "统一社会信用代码第 \(position) 位字符“\(found)”不允许（不含 I、O、S、V、Z 及小写字母）",
                  en: "unified social credit code: character \(position) '\(found)' is not allowed (no I, O, S, V, Z or lower case)")
        case let .checkCharacter(expected, found):
            issue(path, zh: "统一社会信用代码校验码错误：应为“\(expected)”，实为“\(found)”（GB 32100-2015）",
                  en: "unified social credit code check character is '\(found)', expected '\(expected)' (GB 32100-2015)")
        }
    }

    // MARK: - Helpers shared by the parts of the reader

    /// An object's members, looked up by a scan: a project's objects have at most 17 keys, and a
    /// scan of the parser's array costs less than hashing them into a dictionary. The parser has
    /// refused duplicate keys already.
    struct Members {
        let pairs: [(key: String, value: JSONValue)]
        subscript(key: String) -> JSONValue? {
            for pair in pairs where pair.key == key { return pair.value }
            return nil
        }
    }

    mutating func issue(_ path: String, zh: String, en: String) {
        issues.append(ValidationIssue(path: path, zh: zh, en: en))
    }

    mutating func missing(_ path: String) {
        issue(path, zh: "缺少必填字段", en: "required field is missing")
    }

    /// The members of an object, refusing keys not in `allowed` (a misspelt key would otherwise
    /// be silently ignored and the project under-evaluated).
    mutating func object(_ value: JSONValue, at path: @autoclosure () -> String, allowed: Set<String>) -> Members? {
        guard case .object(let members) = value else {
            issue(path(), zh: "应为对象，实为\(value.kindName)", en: "expected an object, found \(value.kindName)")
            return nil
        }
        // The common case, every key allowed, keeps the parser's array as it is.
        if members.allSatisfy({ allowed.contains($0.key) }) { return Members(pairs: members) }
        var kept: [(key: String, value: JSONValue)] = []
        for (key, member) in members {
            if allowed.contains(key) { kept.append((key, member)) } else {
                issue("\(path()).\(key)", zh: "未知字段（允许：\(allowed.sorted().joined(separator: ", "))）",
                      en: "unknown field (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
        return Members(pairs: kept)
    }

    mutating func array(_ value: JSONValue, at path: @autoclosure () -> String) -> [JSONValue]? {
        guard case .array(let elements) = value else {
            issue(path(), zh: "应为数组，实为\(value.kindName)", en: "expected an array, found \(value.kindName)")
            return nil
        }
        return elements
    }

    mutating func requiredString(_ m: Members, _ key: String, _ kind: TextKind, at path: @autoclosure () -> String) -> String? {
        guard let value = m[key], value != .null else { missing("\(path()).\(key)"); return nil }
        return string(value, kind, at: "\(path()).\(key)")
    }

    /// A text of `kind`: refused when blank, too long, or holding a control character (the
    /// limits of `TextKind`, the same as the contract's).
    mutating func string(_ value: JSONValue, _ kind: TextKind, at path: @autoclosure () -> String) -> String? {
        let text: String
        switch value {
        case .string(let s): text = s
        case .number(let n): text = n
        default:
            issue(path(), zh: "应为文本，实为\(value.kindName)", en: "expected a string, found \(value.kindName)")
            return nil
        }
        if let problem = kind.problem(in: text) {
            issue(path(), zh: problem.zh, en: problem.en)
            return nil
        }
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { issue(path(), zh: "不能为空", en: "must not be empty"); return nil }
        return trimmed
    }

    mutating func optionalString(_ m: Members, _ key: String, _ kind: TextKind, at path: @autoclosure () -> String) -> String? {
        guard let value = m[key], value != .null else { return nil }
        return string(value, kind, at: "\(path()).\(key)")
    }

    mutating func bool(_ m: Members, _ key: String, at path: @autoclosure () -> String) -> Bool {
        guard let value = m[key], value != .null else { return false }
        guard case .bool(let b) = value else {
            issue("\(path()).\(key)", zh: "应为 true 或 false", en: "expected true or false, found \(value.kindName)")
            return false
        }
        return b
    }

    /// An amount of yuan: a non-negative decimal with at most two decimals, as a string or a
    /// number.
    mutating func money(_ value: JSONValue, at path: @autoclosure () -> String) -> Money? {
        let text: String
        switch value {
        case .string(let s): text = s.trimmingSpaces
        case .number(let n): text = n
        default:
            issue(path(), zh: "应为金额（元），实为\(value.kindName)", en: "expected an amount in yuan, found \(value.kindName)")
            return nil
        }
        if let money = Money(yuanText: text) { return money }
        if let plain = DecimalText.withoutLeadingZeros(text) {
            issue(path(), zh: "金额不能以多余的 0 开头：\(text.shown)（应写作 \(plain)）",
                  en: "amount has leading zeros: \(text.shown) (write \(plain))")
        } else if text.hasPrefix("-") {
            issue(path(), zh: "金额不能为负数：\(text.shown)", en: "amount must not be negative: \(text.shown)")
        } else if let (_, fraction) = DecimalText.split(text), fraction.count > 2 {
            issue(path(), zh: "金额最多精确到分（两位小数）：\(text.shown)", en: "amount has more than two decimals (fen): \(text.shown)")
        } else {
            issue(path(), zh: "不是有效的金额（元，如 \"1234.56\"）：\(text.shown)",
                  en: "not a valid amount in yuan (a plain decimal such as \"1234.56\"): \(text.shown)")
        }
        return nil
    }

    mutating func requiredMoney(_ m: Members, _ key: String, at path: @autoclosure () -> String) -> Money? {
        guard let value = m[key], value != .null else { missing("\(path()).\(key)"); return nil }
        return money(value, at: "\(path()).\(key)")
    }

    mutating func optionalMoney(_ m: Members, _ key: String, at path: @autoclosure () -> String) -> Money? {
        guard let value = m[key], value != .null else { return nil }
        return money(value, at: "\(path()).\(key)")
    }

    /// A rate between 0 and 1 inclusive, e.g. `"0.035"` or `"3.5%"`.
    mutating func optionalRate(_ m: Members, _ key: String, at path: @autoclosure () -> String) -> Ratio? {
        guard let value = m[key], value != .null else { return nil }
        let text: String
        switch value {
        case .string(let s): text = s
        case .number(let n): text = n
        default:
            issue("\(path()).\(key)", zh: "应为比率，如 \"0.035\" 或 \"3.5%\"", en: "expected a rate such as \"0.035\" or \"3.5%\"")
            return nil
        }
        // 32 characters, as the contract's Rate: more is no rate, whatever its digits.
        guard text.unicodeScalars.count <= 32, let ratio = Ratio(text: text), ratio <= .one else {
            issue("\(path()).\(key)", zh: "比率应在 0 与 1 之间（如 \"0.035\" 或 \"3.5%\"）：\(text.shown)",
                  en: "rate must be between 0 and 1 (e.g. \"0.035\" or \"3.5%\"): \(text.shown)")
            return nil
        }
        return ratio
    }

    mutating func optionalDay(_ m: Members, _ key: String, at path: @autoclosure () -> String) -> Day? {
        guard let value = m[key], value != .null else { return nil }
        guard case .string(let s) = value, let day = Day(iso: s) else {
            let shown: String
            if case .string(let s) = value { shown = s } else { shown = value.kindName }
            issue("\(path()).\(key)", zh: "应为有效日期 YYYY-MM-DD：\(shown)", en: "expected a valid date YYYY-MM-DD: \(shown)")
            return nil
        }
        return day
    }

    /// Refuses `later` when it comes before `earlier`.
    mutating func order(_ earlier: Day?, _ earlierKey: String, _ later: Day?, _ laterKey: String, at path: @autoclosure () -> String) {
        guard let earlier, let later, later < earlier else { return }
        issue("\(path()).\(laterKey)", zh: "\(laterKey)（\(later)）早于 \(earlierKey)（\(earlier)）",
              en: "\(laterKey) (\(later)) is before \(earlierKey) (\(earlier))")
    }

    mutating func checkUniqueIds(_ ids: [String], at path: @autoclosure () -> String, field: String) {
        var seen: Set<String> = []
        for (i, id) in ids.enumerated() where !seen.insert(id).inserted {
            issue("\(path())[\(i)].\(field)", zh: "编号重复：\(id)", en: "duplicate id: \(id)")
        }
    }
}
