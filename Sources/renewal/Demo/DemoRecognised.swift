import Foundation
import Policy
import Registry
import Workflow

/// Two projects of the first demo enterprise that the libraries decide (issue 14): one buying
/// the first set its enterprise had recognised in the demo's `first-sets` list (16, the entry
/// cited), one confirmed by the demo's designation from the AI scenario task (18, the task
/// cited). Stored through the project store, which consults the libraries; then every stored
/// recommendation is re-evaluated with the libraries, as `renewal reevaluate` would.
struct DemoRecognised {
    let store: ProjectStore
    let library: PolicyLibrary
    let scenarios: ScenarioFields
    let actor: AuditActor

    /// The first enterprise's first entry of `first-sets` (DemoLibraries' keys: kind, year, serial).
    static let firstSetKey = "FIR-2025-001"

    func make(firstEnterprise code: String, on day: Day) async throws -> (projects: Int, reevaluated: Int) {
        let start = Day(iso: "2025-09-01")!
        let recognised = Project(id: "DEMO-16", name: "首台（套）自动铺丝装备推广应用（演示数据）", categories: ["first-set"],
                                 startDate: start, applicationDate: day, investment: Investment(declared: Money(fen: 3_000_000_000)),
                                 innovativeProductContract: ProductContract(productId: Self.firstSetKey, amount: Money(fen: 1_200_000_000)))
        let designated = Project(id: "DEMO-18", name: "工业大模型质检应用场景标杆示范（演示数据）", categories: ["benchmark-demonstration", "scenario-ai"],
                                 startDate: start, applicationDate: day, investment: Investment(declared: Money(fen: 2_000_000_000)))
        for p in [recognised, designated] { _ = try await store.createProject(p, creditCode: code, by: actor) }
        let report = try await Reevaluation(db: store.db, library: library, scenarios: scenarios).run()
        return (2, report.changed)
    }
}
