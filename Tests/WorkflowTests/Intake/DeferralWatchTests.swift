import Testing
import Policy
@testable import Workflow

@Suite struct DeferralWatchTests {
    let deferred = [DeferredItem(item: "eia-approval", due: day("2025-04-02")),
                    DeferredItem(item: "audited-financials", due: day("2025-04-10"))]

    @Test func remindersSevenDaysAndOneDayBefore() {
        let offsets = Fixtures.workflow.process.deferral.remindDaysBefore
        #expect(DeferralWatch.reminders(on: day("2025-03-26"), deferred: deferred, supplied: [], daysBefore: offsets)
                    .map(\.item.item) == ["eia-approval"])
        #expect(DeferralWatch.reminders(on: day("2025-04-01"), deferred: deferred, supplied: [], daysBefore: offsets)
                    .map(\.daysLeft) == [1])
        #expect(DeferralWatch.reminders(on: day("2025-04-03"), deferred: deferred, supplied: [], daysBefore: offsets)
                    .map(\.item.item) == ["audited-financials"])
        #expect(DeferralWatch.reminders(on: day("2025-03-27"), deferred: deferred, supplied: [], daysBefore: offsets).isEmpty)
    }

    @Test func aSuppliedItemGetsNoReminder() {
        #expect(DeferralWatch.reminders(on: day("2025-03-26"), deferred: deferred, supplied: ["eia-approval"], daysBefore: [7, 1]).isEmpty)
    }

    @Test func overdueTheDayAfterItsDueDay() {
        #expect(DeferralWatch.overdue(on: day("2025-04-02"), deferred: deferred, supplied: []).isEmpty)
        #expect(DeferralWatch.overdue(on: day("2025-04-03"), deferred: deferred, supplied: []).map(\.item) == ["eia-approval"])
        #expect(DeferralWatch.overdue(on: day("2025-05-01"), deferred: deferred, supplied: ["eia-approval"]).map(\.item) == ["audited-financials"])
    }

    @Test func outstanding() {
        #expect(DeferralWatch.outstanding(deferred: deferred, supplied: ["eia-approval"]).map(\.item) == ["audited-financials"])
    }

    @Test func theWatchFeedsTheLapse() throws {
        let overdue = DeferralWatch.overdue(on: day("2025-04-03"), deferred: deferred, supplied: []).map(\.item)
        #expect(try ApplicationTransitions.apply(.lapse, to: .underReview, by: .system,
                                                 context: TransitionContext(overdueItems: overdue)) == .lapsed)
    }
}
