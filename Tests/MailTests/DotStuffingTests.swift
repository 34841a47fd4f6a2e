import Testing
@testable import Mail

@Suite struct DotStuffingTests {
    @Test func linesStartingWithADotGetAnother() {
        let data = DotStuffing.data(["first", ".hidden", ".", "..two", "last."])
        #expect(data == "first\r\n..hidden\r\n..\r\n...two\r\nlast.\r\n.\r\n")
    }
}
