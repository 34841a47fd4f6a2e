import Testing
import Policy
@testable import Workflow

@Suite struct GreenChannelTests {
    let channel = Fixtures.workflow.roster.greenChannel!

    @Test func keyIndustryTechnicalRenovationQualifies() {
        #expect(channel.keyIndustry(categories: ["technical-renovation"], industryCode: "C3973")?.id == "integrated-circuits")
        #expect(channel.keyIndustry(categories: ["technical-renovation", "equipment-renewal"], industryCode: "c3670")?.id == "automotive")
    }

    @Test func otherProjectsDoNot() {
        #expect(!channel.qualifies(categories: ["equipment-renewal"], industryCode: "C3973"))
        #expect(!channel.qualifies(categories: ["technical-renovation"], industryCode: "C1311"))  // grain milling
    }
}
