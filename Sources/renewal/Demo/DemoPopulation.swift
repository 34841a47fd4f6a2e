import Foundation
import Policy
import Registry
import Simulation
import Workflow

/// The demonstration's enterprises and projects: the synthetic population of `renewal simulate`
/// (seeded, so the same every time), made plainly synthetic by name, spread over all sixteen
/// districts, its loans lent by the demonstration bank and its leases by the demonstration lessor.
struct DemoPopulation {
    let store: ProjectStore
    let library: PolicyLibrary
    let actor: AuditActor

    struct Made {
        var enterprises: [Enterprise] = []
        /// Stored project id, the project, its enterprise's code and district, its recommended city instruments.
        var projects: [(id: UUID, project: Project, code: String, district: String, instruments: [String])] = []
    }

    func make(enterprises count: Int, seed: UInt64, on day: Day) async throws -> Made {
        var generator = SyntheticProjects(seed: seed, vocabulary: library.vocabulary)
        generator.identities = true
        let districts = library.vocabulary.districts
        let engine = Engine(library: library)
        var made = Made()
        for index in 0..<count {
            var file = generator.nextFile()
            let district = districts[index % districts.count]
            file.enterprise.district = district.id
            file.enterprise.name = "演示企业\(district.name.zh)\(String(format: "%03d", index / districts.count + 1))有限公司（演示数据）"
            _ = try await store.createEnterprise(file.enterprise, by: actor)
            made.enterprises.append(file.enterprise)
            // The first enterprise also has the projects of the plan's stated checks (十二)(十四)(十五).
            if index == 0 { file.projects += DemoPlanChecks.projects() }
            for var project in file.projects {
                project.name = "（演示）" + project.name
                for i in project.loans.indices { project.loans[i].lender = DemoAccounts.bank }
                for i in project.leases.indices { project.leases[i].lessor = DemoAccounts.lessor }
                let id = try await store.createProject(project, creditCode: file.enterprise.creditCode, by: actor)
                if project.id == "DEMO-SF-1", library.smartFactory != nil {
                    // Its assessment filed as a stored version too, as the API files one.
                    _ = try await PlanCheckStore(db: store.db, library: library)
                        .fileAssessment(project: try await store.project(id), answers: DemoPlanChecks.answers, by: actor)
                }
                let instruments = engine.evaluate(project, on: day).recommendation.lines.filter { $0.amount > .zero }.map(\.id)
                made.projects.append((id, project, file.enterprise.creditCode, district.id, instruments))
            }
        }
        return made
    }
}
