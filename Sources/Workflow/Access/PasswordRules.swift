import Policy

/// The minimum strength of a password: long enough, of mixed kinds of character, not the
/// account's own name, not a password everyone tries first. Checked when an account is created
/// and whenever its password is set; what is wrong is said in both languages.
public enum PasswordRules {
    public static let minimumLength = 12
    /// Of lower-case letters, upper-case letters, digits and symbols, at least this many kinds.
    public static let minimumKinds = 3

    /// Passwords that meet the length and mix rules yet are the first ones an attacker tries
    /// (compared lower-cased). Small on purpose: the mix and length rules do the rest.
    static let common: Set<String> = [
        "password1234", "password12345", "password123!", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234",
        "qwertyuiop12", "qwertyuiop123", "qwerty123456", "qwerty@12345", "1q2w3e4r5t6y", "1qaz2wsx3edc",
        "123456789abc", "abc123456789", "abcd12345678", "admin1234567", "admin@123456", "administrator1",
        "iloveyou1234", "welcome12345", "welcome@2024", "changeme1234", "letmein12345", "shanghai2024!",
        "shanghai@123", "shanghai1234", "renewal12345", "renewal@2024", "zaq12wsxcde3", "aa123456789!",
    ]

    /// Every reason the password is refused; empty when it is acceptable.
    public static func problems(_ password: String, username: String) -> [LocalizedText] {
        var problems: [LocalizedText] = []
        if password.count < minimumLength {
            problems.append(LocalizedText(zh: "密码至少 \(minimumLength) 个字符", en: "the password must have at least \(minimumLength) characters"))
        }
        if kinds(in: password) < minimumKinds {
            problems.append(LocalizedText(zh: "密码应至少包含小写字母、大写字母、数字、符号中的 \(minimumKinds) 类",
                                          en: "the password must mix at least \(minimumKinds) of lower-case letters, upper-case letters, digits and symbols"))
        }
        let name = username.lowercased()
        if !name.isEmpty, password.lowercased().contains(name) {
            problems.append(LocalizedText(zh: "密码不能包含用户名", en: "the password must not contain the username"))
        }
        if common.contains(password.lowercased()) {
            problems.append(LocalizedText(zh: "密码过于常见", en: "the password is too common"))
        }
        return problems
    }

    static func kinds(in password: String) -> Int {
        var lower = false, upper = false, digit = false, symbol = false
        for c in password {
            if c.isLowercase { lower = true } else if c.isUppercase { upper = true } else if c.isNumber { digit = true } else { symbol = true }
        }
        return [lower, upper, digit, symbol].filter { $0 }.count
    }
}
