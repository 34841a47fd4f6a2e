import Testing
import Policy
@testable import Workflow

@Suite struct ApplicationTransitionsTests {
    let enterprise = WorkflowActor.person(.enterprise)
    let district = WorkflowActor.person(.districtOfficer)
    let city = WorkflowActor.person(.cityOfficer)
    let department = WorkflowActor.person(.department)

    func go(_ e: ApplicationEvent, _ s: ApplicationState, _ a: WorkflowActor,
            _ c: TransitionContext = TransitionContext()) throws(TransitionRefusal) -> ApplicationState {
        try ApplicationTransitions.apply(e, to: s, by: a, context: c)
    }

    @Test func theWholeWayWithDeficiencies() throws {
        var s = ApplicationState.draft
        s = try go(.submit, s, enterprise)
        #expect(s == .submitted)
        s = try go(.acceptWithDeficiencies, s, district)
        #expect(s == .acceptedWithDeficiencies)
        s = try go(.startReview, s, district)
        #expect(s == .underReview)
        s = try go(.opinion(.approve), s, department)
        #expect(s == .underReview)
        s = try go(.supplement, s, enterprise)
        #expect(s == .underReview)
        s = try go(.approve, s, city, TransitionContext(review: .readyForDecision))
        #expect(s == .approved)
    }

    @Test func supplementCompletesTheDeficiencies() throws {
        #expect(try go(.supplement, .acceptedWithDeficiencies, enterprise) == .accepted)
        #expect(try go(.supplement, .acceptedWithDeficiencies, enterprise,
                       TransitionContext(outstandingDeferredItems: ["eia-approval"])) == .acceptedWithDeficiencies)
    }

    @Test func returnsAndResubmission() throws {
        #expect(try go(.returnForSupplement(reasons: "缺少贷款合同"), .submitted, city) == .returned)
        #expect(try go(.submit, .returned, enterprise) == .submitted)
        #expect(try go(.opinion(.reject(reasons: "不符合条件")), .underReview, department) == .returned)
        #expect(try go(.opinion(.askSupplement(reasons: "补充环评")), .underReview, department) == .returned)
    }

    @Test func endings() throws {
        #expect(try go(.reject(reasons: "不符合条件"), .underReview, city) == .rejected)
        #expect(try go(.withdraw, .draft, enterprise) == .withdrawn)
        #expect(try go(.withdraw, .underReview, enterprise) == .withdrawn)
        #expect(try go(.lapse, .acceptedWithDeficiencies, .system, TransitionContext(overdueItems: ["eia-approval"])) == .lapsed)
        #expect(try go(.lapse, .underReview, .system, TransitionContext(overdueItems: ["eia-approval"])) == .lapsed)
    }

    @Test func onlyTheRightRoleFiresEachEvent() {
        let events: [ApplicationEvent] = [.submit, .accept, .acceptWithDeficiencies, .returnForSupplement(reasons: "r"),
                                          .supplement, .startReview, .opinion(.approve), .approve, .reject(reasons: "r"),
                                          .withdraw, .lapse]
        let actors: [WorkflowActor] = Role.allCases.map { .person($0) } + [.system]
        for event in events {
            for actor in actors where !event.allowedActors.contains(actor) {
                #expect(throws: TransitionRefusal.actorNotAllowed(event: event.name, actor: actor)) {
                    try ApplicationTransitions.apply(event, to: .submitted, by: actor)
                }
            }
        }
        // The administrator runs the platform but decides nothing.
        #expect(!events.contains { $0.allowedActors.contains(.person(.administrator)) })
        #expect(!events.contains { $0.allowedActors.contains(.person(.bank)) })
    }

    @Test func eventsOutOfTheirState() {
        let cases: [(ApplicationEvent, ApplicationState, WorkflowActor)] = [
            (.submit, .submitted, enterprise), (.submit, .underReview, enterprise),
            (.accept, .draft, district), (.acceptWithDeficiencies, .underReview, city),
            (.returnForSupplement(reasons: "r"), .underReview, city),
            (.supplement, .draft, enterprise), (.supplement, .accepted, enterprise),
            (.startReview, .submitted, district), (.startReview, .underReview, city),
            (.opinion(.approve), .accepted, department), (.approve, .accepted, city),
            (.reject(reasons: "r"), .draft, city), (.reject(reasons: "r"), .submitted, city),
            (.lapse, .accepted, .system), (.lapse, .draft, .system),
        ]
        for (event, state, actor) in cases {
            #expect(throws: TransitionRefusal.wrongState(event: event.name, state: state)) {
                try ApplicationTransitions.apply(event, to: state, by: actor, context: TransitionContext(review: .readyForDecision))
            }
        }
    }

    @Test func nothingLeavesAFinalState() {
        for state in ApplicationState.allCases where state.isFinal {
            #expect(throws: TransitionRefusal.finalState(state)) { try go(.withdraw, state, enterprise) }
        }
        #expect(ApplicationState.allCases.filter(\.isFinal) == [.approved, .rejected, .withdrawn, .lapsed])
    }

    @Test func reasonsAreRequired() {
        #expect(throws: TransitionRefusal.reasonsRequired(event: "reject")) { try go(.reject(reasons: "  "), .underReview, city) }
        #expect(throws: TransitionRefusal.reasonsRequired(event: "return_for_supplement")) {
            try go(.returnForSupplement(reasons: ""), .submitted, district)
        }
        #expect(throws: TransitionRefusal.reasonsRequired(event: "opinion")) { try go(.opinion(.reject(reasons: "\n")), .underReview, department) }
        #expect(throws: TransitionRefusal.reasonsRequired(event: "opinion")) { try go(.opinion(.askSupplement(reasons: "")), .underReview, department) }
    }

    @Test func approvalWaitsForTheJoinAndTheDeferredItems() {
        #expect(throws: TransitionRefusal.reviewNotReady(nil)) { try go(.approve, .underReview, city) }
        #expect(throws: TransitionRefusal.reviewNotReady(.waiting(on: ["finance"]))) {
            try go(.approve, .underReview, city, TransitionContext(review: .waiting(on: ["finance"])))
        }
        #expect(throws: TransitionRefusal.deferredItemsOutstanding(["eia-approval"])) {
            try go(.approve, .underReview, city, TransitionContext(outstandingDeferredItems: ["eia-approval"], review: .readyForDecision))
        }
        #expect(throws: TransitionRefusal.deferredItemsOutstanding(["eia-approval"])) {
            try go(.accept, .submitted, city, TransitionContext(outstandingDeferredItems: ["eia-approval"]))
        }
        #expect(throws: TransitionRefusal.nothingOverdue) { try go(.lapse, .underReview, .system) }
    }

    @Test func refusalsSpeakBothLanguages() {
        let refusals: [TransitionRefusal] = [
            .actorNotAllowed(event: "approve", actor: .person(.enterprise)), .wrongState(event: "submit", state: .underReview),
            .finalState(.approved), .reasonsRequired(event: "reject"), .reviewNotReady(.waiting(on: ["finance"])),
            .reviewNotReady(.returned([])), .reviewNotReady(nil), .deferredItemsOutstanding(["a"]), .nothingOverdue,
        ]
        for r in refusals {
            #expect(!r.message.zh.isEmpty && !r.message.en.isEmpty)
            #expect(r.message.zh != r.message.en)
        }
        #expect(TransitionRefusal.actorNotAllowed(event: "approve", actor: .person(.enterprise)).message.zh == "企业用户无权“核准”")
        #expect(TransitionRefusal.reasonsRequired(event: "reject").message == LocalizedText(zh: "“不予支持”须说明理由", en: "reject needs reasons"))
        #expect(TransitionRefusal.wrongState(event: "submit", state: .underReview).message.en == "cannot submit an application that is under review")
    }

    @Test func stateRawValuesAreStable() {
        #expect(ApplicationState.allCases.map(\.rawValue) == ["draft", "submitted", "accepted", "accepted_with_deficiencies",
            "returned", "under_review", "approved", "rejected", "withdrawn", "lapsed"])
    }
}
