import Foundation
@testable import Policy
import Testing

/// The chart's points are the engine's: each one an evaluation of the project at that
/// investment; the thresholds crossed and the caps are marked; the project's own point is its plan.
@Suite struct SupportCurveTests {
    static let library = try! PolicyLibraryLoader.loadDefault()
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example() throws -> ProjectFile {
        let text = try String(contentsOf: repo.appendingPathComponent("Examples/enterprise-plan.json"), encoding: .utf8)
        return try ProjectFileReader.read(text: text, vocabulary: library.vocabulary).get()
    }

    @Test func theCurvePassesThroughTheProjectsOwnPlan() throws {
        let engine = Engine(library: Self.library)
        for project in try Self.example().projects {
            let curve = try #require(engine.supportCurve(for: project), "\(project.id)")
            #expect(curve.points.map(\.investment) == curve.points.map(\.investment).sorted())
            #expect(curve.points.first?.investment == .zero)
            let here = try #require(curve.points.first { $0.investment == curve.current })
            #expect(here.total == engine.evaluate(project).recommendation.total, "\(project.id)")
        }
    }

    @Test func eachPointIsAnEvaluationAtThatInvestment() throws {
        let engine = Engine(library: Self.library)
        let project = try Self.example().projects[0]
        let curve = try #require(engine.supportCurve(for: project, steps: 8))
        for point in curve.points {
            var p = project
            p.investment.declared = point.investment
            if p.investment.approved != nil { p.investment.approved = point.investment }
            if let new = p.investment.new, new > point.investment { p.investment.new = point.investment }
            #expect(engine.evaluate(p).recommendation.total == point.total, "\(point.investment)")
        }
    }

    @Test func aThresholdOnTheInvestmentIsMarkedWithThePointsEitherSide() throws {
        let engine = Engine(library: Self.library)
        var project = try Self.example().projects[0]
        project.investment.declared = Money(yuan: 18_000_000)
        let curve = try #require(engine.supportCurve(for: project))
        #expect(!curve.thresholds.isEmpty, "the library's investment thresholds (20,000,000 for clause 七)")
        for t in curve.thresholds {
            #expect(curve.points.contains { $0.investment == t.value })
            #expect(curve.points.contains { $0.investment == t.value - Money(yuan: 1) })
        }
        #expect(curve.points.last!.investment >= Money(fen: curve.current.fen * 2))
    }

    @Test func noInvestmentNoCurve() throws {
        var project = try Self.example().projects[0]
        project.investment.declared = nil
        project.investment.approved = nil
        #expect(Engine(library: Self.library).supportCurve(for: project) == nil)
    }

    @Test func aShortfallIsSaidInOneSentence() {
        var c = ConditionResult(id: "x", label: LocalizedText(zh: "投资", en: "investment"), role: .required, held: false)
        c.figure = Money(yuan: 18_000_000)
        c.threshold = Money(yuan: 20_000_000)
        c.shortfall = Money(yuan: 2_000_000)
        #expect(c.shortfallSentence?.en == "2,000,000.00 yuan short of the 20,000,000.00 yuan threshold")
        #expect(c.shortfallSentence?.zh == "差 2,000,000.00 元达到 20,000,000.00 元的门槛")
        c.held = true
        #expect(c.shortfallSentence == nil)
    }
}

@Suite struct InterestCurveTests {
    @Test func theInterestCurveRisesWithTheInterestUntilTheCap() throws {
        let engine = Engine(library: SupportCurveTests.library)
        let project = try SupportCurveTests.example().projects[0]
        let loan = try #require(project.loans.first { !$0.interestPaid.isEmpty })
        let curve = try #require(engine.interestCurve(for: project, loan: loan.id, steps: 10))
        #expect(curve.variable == .interest(loan: loan.id))
        #expect(curve.current == loan.interestPaid.map(\.amount).sum())
        #expect(curve.points.first?.total ?? .zero <= curve.points.last?.total ?? .zero)
        let here = try #require(curve.points.first { $0.investment == curve.current })
        #expect(here.total == engine.evaluate(project).recommendation.total)
        // Never falls as the interest rises.
        for (a, b) in zip(curve.points, curve.points.dropFirst()) { #expect(a.total <= b.total, "\(a.investment) → \(b.investment)") }
        #expect(engine.interestCurve(for: project, loan: "no-such-loan") == nil)
    }
}
