import Policy
import Testing
@testable import Risk

@Suite struct SharedIdentityCheckTests {
    typealias F = RiskFixtures

    @Test func aPhoneWrittenTwoWaysIsOnePhone() throws {
        let a = ProjectFile(enterprise: F.enterprise(1, phone: "021-6123 4567"), projects: [F.project("A")])
        let b = ProjectFile(enterprise: F.enterprise(2, phone: "+86 21 61234567"), projects: [F.project("B"), F.project("C")])
        let flags = try F.scanner().scan(RiskPopulation([a, b]))
        #expect(flags.count == 3)
        #expect(flags.allSatisfy { $0.kind == .sharedIdentity && $0.fact("field") == "phone" && $0.fact("value") == "2161234567" })
        let onA = try #require(flags.first { $0.project == F.ref(1, "A") })
        #expect(onA.enterprises == [F.code(2)])
        #expect(onA.partners == [F.ref(2, "B"), F.ref(2, "C")])
    }

    @Test func addressesAndRepresentativesAreComparedNormalised() throws {
        let a = ProjectFile(enterprise: F.enterprise(1, representative: "李四", address: "上海市浦东新区 张江路 100 号"), projects: [F.project("A")])
        let b = ProjectFile(enterprise: F.enterprise(2, representative: "李 四", address: "上海市浦东新区张江路１００号"), projects: [F.project("B")])
        let flags = try F.scanner().scan(RiskPopulation([a, b]))
        #expect(Set(flags.compactMap { $0.fact("field") }) == ["legalRepresentative", "address"])
        #expect(flags.count == 4)
    }

    @Test func placeholdersAndOneEnterpriseAreNoFlag() throws {
        let a = ProjectFile(enterprise: F.enterprise(1, address: "无", phone: "0"), projects: [F.project("A"), F.project("B")])
        let b = ProjectFile(enterprise: F.enterprise(2, address: "无", phone: "0"), projects: [F.project("C")])
        #expect(try F.scanner().scan(RiskPopulation([a, b])).isEmpty)
    }
}
