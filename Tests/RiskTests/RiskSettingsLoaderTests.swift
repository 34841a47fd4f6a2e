import Policy
import Testing
@testable import Risk

@Suite struct RiskSettingsLoaderTests {
    typealias F = RiskFixtures

    @Test func theShippedSettingsLoad() throws {
        let s = try F.settings.get()
        #expect(s.splitThresholds == ["clause7.investment_threshold"])
        #expect(s.bunchingThreshold == "clause7.investment_threshold")
        #expect(s.bunchingWidth == Ratio(text: "5%"))
        #expect(s.priceMinPeers == 8)
    }

    @Test func everyProblemIsReportedWithItsPath() throws {
        let yaml = """
        split_investment:
          thresholds: [{param: no.such.parameter}, {param: reading.clause7_threshold_role}]
          max_application_days_apart: -1
        bunching:
          threshold: {param: clause7.investment_threshold}
          width: "150%"
          neighbour_bins: 4
          min_z: "3"
          min_count: 5
        unit_price:
          min_peers: 1
          mad_factor: "5"
          mad_floor: "10%"
        """
        let library = try F.library.get()
        let error = try #require(throws: PolicyLibraryErrors.self) {
            try RiskSettingsLoader.read(try JSONValue.parseYAML(yaml), library: library)
        }
        let paths = Set(error.errors.map(\.path))
        #expect(paths == ["$.split_investment.thresholds[0]", "$.split_investment.thresholds[1]",
                          "$.split_investment.max_application_days_apart", "$.bunching.width",
                          "$.shared_identity", "$.unit_price.min_peers"])
        #expect(error.errors.allSatisfy { $0.file == "risk.yaml" })
        #expect(error.description.contains("unknown parameter 'no.such.parameter'"))
        #expect(error.description.contains("is not an amount of money"))
    }
}
