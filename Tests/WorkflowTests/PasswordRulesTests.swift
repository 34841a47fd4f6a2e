import Testing
@testable import Workflow

@Suite struct PasswordRulesTests {
    @Test func aStrongPasswordPasses() {
        #expect(PasswordRules.problems("Quite-Long-Secret-9", username: "li").isEmpty)
    }

    @Test func everyProblemIsNamed() {
        #expect(PasswordRules.problems("short1A!", username: "li").count == 1)
        #expect(PasswordRules.problems("alllowercaseletters", username: "li").count == 1)
        #expect(PasswordRules.problems("Li.Wei-Secret-99", username: "li.wei").map(\.en) == ["the password must not contain the username"])
        #expect(PasswordRules.problems("P@ssw0rd1234", username: "x").map(\.en) == ["the password is too common"])
        // Too short, of two kinds only, and the username itself.
        #expect(PasswordRules.problems("zhang.san", username: "zhang.san").count == 3)
    }

    @Test func kindsAreCounted() {
        #expect(PasswordRules.kinds(in: "abc") == 1)
        #expect(PasswordRules.kinds(in: "aB1") == 3)
        #expect(PasswordRules.kinds(in: "aB1-") == 4)
        #expect(PasswordRules.kinds(in: "密码Ab1") == 4)
    }
}

@Suite struct UsernameRulesTests {
    @Test func namesAreNormalizedAndChecked() {
        #expect(UsernameRules.normalized("  Li.Wei ") == "li.wei")
        #expect(UsernameRules.problem("li.wei") == nil)
        #expect(UsernameRules.problem("li") != nil)
        #expect(UsernameRules.problem(".hidden") != nil)
        #expect(UsernameRules.problem("李伟") != nil)
    }
}
