import Testing
import Policy
@testable import Workflow

@Suite struct IntakeTests {
    let w = Fixtures.workflow

    func provided(_ instruments: [String], except missing: Set<String> = []) -> [ProvidedMaterial] {
        w.materials.items(for: instruments).filter { !missing.contains($0.id) }.map {
            ProvidedMaterial(item: $0.id, content: $0.accepted.sorted { $0.rawValue < $1.rawValue }.first!)
        }
    }

    func decide(_ instruments: [String], _ provided: [ProvidedMaterial], on d: String = "2025-03-03") throws -> IntakeDecision {
        try Intake.decide(instruments: instruments, checklist: w.materials, provided: provided, on: day(d),
                          deferral: w.process.deferral, calendar: w.calendar)
    }

    @Test func completeIsAccepted() throws {
        #expect(try decide(["7a", "13"], provided(["7a", "13"])) == .accept)
        #expect(IntakeDecision.accept.event == .accept)
    }

    @Test func onlyDeferrableMissingIsAcceptedWithDueDays() throws {
        // Accepted Mon 2025-03-03: +30 days is Wed 2025-04-02, a working day.
        let decision = try decide(["7a"], provided(["7a"], except: ["eia-approval", "audited-financials"]))
        #expect(decision == .acceptWithDeficiencies([DeferredItem(item: "audited-financials", due: day("2025-04-02")),
                                                     DeferredItem(item: "eia-approval", due: day("2025-04-02"))]))
        #expect(decision.event == .acceptWithDeficiencies)
    }

    @Test func aDueDayOnAHolidayMovesToTheNextWorkingDay() throws {
        // Accepted 2025-09-05: +30 is 2025-10-05, inside the National Day break; due 2025-10-09.
        let decision = try decide(["7a"], provided(["7a"], except: ["eia-approval"]), on: "2025-09-05")
        #expect(decision == .acceptWithDeficiencies([DeferredItem(item: "eia-approval", due: day("2025-10-09"))]))
    }

    @Test func anItemsOwnPeriodCounts() throws {
        // The special audit of 7c is due in 60 days: 2025-03-03 + 60 = 2025-05-02, Labour Day → 2025-05-06.
        let decision = try decide(["7c"], provided(["7c"], except: ["investment-audit"]))
        #expect(decision == .acceptWithDeficiencies([DeferredItem(item: "investment-audit", due: day("2025-05-06"))]))
    }

    @Test func workingDayPeriods() throws {
        var deferral = w.process.deferral
        deferral.counted = .working
        deferral.dueDays = 5
        let item = try #require(w.materials.items["eia-approval"])
        // Fri 2024-09-27 + 5 working days (Sun 29 is a make-up day) = 2024-10-10.
        #expect(try Intake.dueDay(for: item, acceptedOn: day("2024-09-27"), deferral: deferral, calendar: w.calendar) == day("2024-10-10"))
    }

    @Test func aCriticalItemMissingCannotBeAcceptedAndIsNeverDeferred() throws {
        let decision = try decide(["7a"], provided(["7a"], except: ["loan-contract", "eia-approval"]))
        guard case .cannotAccept(let critical, let deferrable) = decision else { Issue.record("\(decision)"); return }
        #expect(critical.map(\.id) == ["loan-contract"])
        #expect(deferrable.map(\.id) == ["eia-approval"])
        guard case .returnForSupplement(let reasons) = decision.event else { Issue.record("event"); return }
        #expect(reasons.contains("银行贷款合同") && reasons.contains("bank loan contract"))
    }

    @Test func aFileOfTheWrongKindDoesNotCount() throws {
        var files = provided(["7a"])
        files.removeAll { $0.item == "investment-breakdown" }
        files.append(ProvidedMaterial(item: "investment-breakdown", content: .image))  // a photo of the spreadsheet
        guard case .cannotAccept(let critical, _) = try decide(["7a"], files) else { Issue.record("accepted"); return }
        #expect(critical.map(\.id) == ["investment-breakdown"])
    }

    @Test func sharedItemsAreAskedOnce() {
        let items = w.materials.items(for: ["7a", "7b"]).map(\.id)
        #expect(items.count == Set(items).count)
        #expect(items.contains("loan-contract") && items.contains("lease-contract"))
        #expect(w.materials.items(for: ["N1"]).isEmpty)
    }

    @Test func aYearWithoutCalendarIsRefused() {
        #expect(throws: CalendarError.self) { try decide(["7a"], provided(["7a"], except: ["eia-approval"]), on: "2026-12-15") }
    }
}
