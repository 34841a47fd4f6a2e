import Testing
import Policy
@testable import Workflow

@Suite struct ApplicationEventTests {
    @Test func whoFiresWhat() {
        #expect(ApplicationEvent.submit.allowedActors == [.person(.enterprise)])
        #expect(ApplicationEvent.withdraw.allowedActors == [.person(.enterprise)])
        #expect(ApplicationEvent.accept.allowedActors == [.person(.districtOfficer), .person(.cityOfficer)])
        #expect(ApplicationEvent.opinion(.approve).allowedActors == [.person(.department)])
        #expect(ApplicationEvent.approve.allowedActors == [.person(.cityOfficer)])
        #expect(ApplicationEvent.reject(reasons: "r").allowedActors == [.person(.cityOfficer)])
        #expect(ApplicationEvent.lapse.allowedActors == [.system])
    }

    @Test func namesAreStable() {
        let names = [ApplicationEvent.submit, .accept, .acceptWithDeficiencies, .returnForSupplement(reasons: ""), .supplement,
                     .startReview, .opinion(.approve), .approve, .reject(reasons: ""), .withdraw, .lapse].map(\.name)
        #expect(names == ["submit", "accept", "accept_with_deficiencies", "return_for_supplement", "supplement",
                          "start_review", "opinion", "approve", "reject", "withdraw", "lapse"])
    }
}

@Suite struct ApplicationEventLabelTests {
    @Test func everyEventHasBothLabels() {
        let events: [ApplicationEvent] = [.submit, .accept, .acceptWithDeficiencies, .returnForSupplement(reasons: ""), .supplement,
                                          .startReview, .opinion(.approve), .approve, .reject(reasons: ""), .withdraw, .lapse]
        for e in events { #expect(e.label.zh != e.name && !e.label.en.isEmpty, "\(e.name)") }
        #expect(ApplicationEvent.acceptWithDeficiencies.label.zh == "容缺受理")
    }
}
