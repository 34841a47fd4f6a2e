import Policy
import Testing

@Suite struct IdentifierTests {
    @Test(arguments: ["91310115MA1K4ABCDD", "91310000132200821H", "91310112MA1GB12347"])
    func acceptsValidCreditCodes(_ code: String) {
        #expect(CreditCode.problem(in: code) == nil)
    }

    @Test func namesTheProblemWithACreditCode() {
        #expect(CreditCode.problem(in: "91310115MA1K4ABCDE") == .checkCharacter(expected: "D", found: "E"))
        #expect(CreditCode.problem(in: "91310115MA1K4ABCD") == .length(17))
        #expect(CreditCode.problem(in: "91310115MA1K4ABCDI") == .character(position: 18, found: "I"))
        #expect(CreditCode.problem(in: "91310115ma1k4abcdd") == .character(position: 9, found: "m"))
    }

    @Test func completesACodeWithItsCheckCharacter() {
        #expect(CreditCode.withCheckCharacter("91310115MA1K4ABCD") == "91310115MA1K4ABCDD")
    }

    @Test func nationalProjectCode() {
        let divisions: Set<String> = ["310000", "310115"]
        #expect(NationalProjectCode.problem(in: "2024-310115-34-03-000123", divisions: divisions) == nil)
        #expect(NationalProjectCode.problem(in: "2024-440300-34-03-000123", divisions: divisions) == .division("440300"))
        #expect(NationalProjectCode.problem(in: "2024-31011-534-03-000123", divisions: divisions) == .shape)
        #expect(NationalProjectCode.problem(in: "2024310115340300012300000", divisions: divisions) == .shape)
        #expect(NationalProjectCode.problem(in: "1999-310115-34-03-000123", divisions: divisions) == .year(1999))
    }

    @Test func days() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2024-13-01") == nil)
        #expect(Day(iso: "2024-1-01") == nil)
        #expect(Day(iso: "2024-05-31")! < Day(iso: "2024-06-01")!)
        #expect(Day.today().year >= 2024)
    }
}
