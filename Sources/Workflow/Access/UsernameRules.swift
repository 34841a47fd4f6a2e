import Foundation
import Policy

/// What an account's name may be: 3 to 64 characters of lower-case letters, digits, `.`, `_`
/// and `-`, starting with a letter or digit. Names are compared lower-cased, so `Li.Wei` and
/// `li.wei` are one account.
public enum UsernameRules {
    public static let lengths = 3...64

    public static func normalized(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Why the (normalized) name is refused, or nil.
    public static func problem(_ name: String) -> LocalizedText? {
        guard lengths.contains(name.count) else {
            return LocalizedText(zh: "用户名应为 \(lengths.lowerBound) 到 \(lengths.upperBound) 个字符", en: "the username must have \(lengths.lowerBound) to \(lengths.upperBound) characters")
        }
        let allowed = name.unicodeScalars.allSatisfy { s in
            ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "." || s == "_" || s == "-"
        }
        guard allowed, let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else {
            return LocalizedText(zh: "用户名只能包含小写字母、数字和 . _ -，并以字母或数字开头",
                                 en: "the username may hold only lower-case letters, digits and . _ -, and starts with a letter or digit")
        }
        return nil
    }
}
