import App
import ArgumentParser
import FluentKit
import Foundation
import Policy
import Registry
import Workflow

/// `renewal demo`: fills an empty database with a synthetic population in use, for a
/// demonstration — enterprises in all sixteen districts, projects of every kind, applications in
/// every state, the ledger's confirmations, payments, a clawback and a batch of support without
/// application, the targets' quarterly reports — and the demonstration's accounts, whose one password it prints.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill an empty database with a synthetic demonstration population and demo accounts.",
        discussion: "renewal demo && renewal serve — then sign in as demo.city, demo.enterprise, demo.bank … with the printed password. For demonstrations only: it refuses a database that holds enterprises.")

    @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?
    @ArgumentParser.Option(help: "Policy library folder.") var policy: String?
    @ArgumentParser.Option(help: "How many enterprises (at least 16: one per district and more).") var enterprises: Int = 96
    @ArgumentParser.Option(help: "Seed of the population (the same seed, the same population).") var seed: UInt64 = 2024
    @ArgumentParser.Option(help: "The demo accounts' password (default: a random one, printed).") var password: String?

    func validate() throws {
        guard (16...5000).contains(enterprises) else { throw ValidationError("--enterprises 应在 16 至 5000 之间 / must be between 16 and 5000") }
    }

    func run() async throws {
        let password = self.password ?? "Demo-" + UUID().uuidString.prefix(13).replacingOccurrences(of: "-", with: "") + "-9z"
        if let problem = PasswordRules.problems(password, username: "demo.admin").first {
            throw ValidationError("密码不符合要求 / the password is refused: \(problem.zh) / \(problem.en)")
        }
        let settings = AccessSettings.fromEnvironment(ProcessInfo.processInfo.environment)
        let hasher = try PasswordHasher(cost: settings.bcryptCost)
        try await DatabaseSession.with(sqlite: sqlite, policy: policy) { session in
            guard try await EnterpriseModel.query(on: session.db).count() == 0 else {
                FileHandle.standardError.write(Data("数据库中已有企业：演示数据只写入空数据库。/ The database holds enterprises: the demonstration goes into an empty database only.\n".utf8))
                throw ExitCode(2)
            }
            let workflow = try WorkflowLibrary.load(directory: session.libraryDirectory.appendingPathComponent("workflow"), policy: session.library)
            let actor = AuditActor.commandLine("demo")
            let today = Day.today()
            let start = Day(iso: "2026-03-02")!
            print("生成演示企业和项目 / making the enterprises and projects …")
            let made = try await DemoPopulation(store: session.projectStore, library: session.library, actor: actor)
                .make(enterprises: enterprises, seed: seed, on: start)

            print("创建演示账户 / making the accounts …")
            let departments = workflow.roster.departments.map(\.code)
            let administration = AccountAdministration(db: session.db, hasher: hasher, vocabulary: session.library.vocabulary,
                                                       departments: Set(departments), actor: actor)
            let firstCode = made.enterprises[0].creditCode
            let accounts = DemoAccounts.all(enterpriseCode: firstCode, departments: departments)
            for a in accounts { _ = try await administration.create(username: a.username, password: password, fields: a.fields) }

            print("生成各状态的申报 / making applications in every state …")
            let engine = Engine(library: session.library)
            let version = try LibraryFingerprint.of(directory: session.libraryDirectory)
            let applications = ApplicationStore(db: session.db, engine: engine, workflow: workflow, libraryVersion: version)
            let cases = DemoCases(store: applications, enterprise: actor, officer: actor, city: actor)
            // The first enterprise's projects first, so that its user sees cases of its own.
            let eligible = made.projects.filter { !$0.instruments.isEmpty }
                .sorted { ($0.code == firstCode ? 0 : 1, $0.id.uuidString) < ($1.code == firstCode ? 0 : 1, $1.id.uuidString) }
            var approved: [(UUID, UUID, Project, [String])] = []
            var states: [ApplicationState: Int] = [:]
            for (state, p) in zip(DemoCases.plan, eligible) {
                let id = try await cases.make(state, project: p.id, start: start)
                states[ApplicationState(rawValue: try await applications.application(id).state) ?? state, default: 0] += 1
                if state == .approved { approved.append((id, p.id, p.project, try await applications.application(id).instrumentIDs)) }
            }

            print("生成台账 / making the ledger …")
            let ledger = DemoLedger(ledger: LedgerStore(db: session.db, engine: engine, libraryVersion: version),
                                    lists: RollingListStore(db: session.db), engine: engine, bank: actor, city: actor, today: today)
            var outcome = DemoLedger.Outcome()
            for (id, projectID, project, instruments) in approved {
                try await ledger.pay(case: id, projectID: projectID, project: project, instruments: instruments, outcome: &outcome)
            }
            if let first = approved.first { try await ledger.clawBack(project: first.1, case: first.0, outcome: &outcome) }
            let used = Set(DemoCases.plan.indices.prefix(eligible.count).map { eligible[$0].id })
            let listed = made.projects.filter { !used.contains($0.id) && $0.project.loans.contains { !$0.interestPaid.isEmpty } }.prefix(20)
            try await ledger.automaticBatch(listed.map { ($0.id, $0.project) }, outcome: &outcome)

            print("生成创新产品目录 / making the catalogue …")
            let catalogue = try await DemoCatalogue(store: CatalogueStore(db: session.db, rules: workflow.catalogue), actor: actor)
                .make(products: made.projects.flatMap { $0.project.loans.compactMap(\.catalogueProductId) }, firstEnterprise: firstCode,
                      committee: accounts.filter { $0.role == .cityOfficer || $0.role == .department }.map(\.username), today: today)

            print("生成清单库和资源库 / making the list library and the resource library …")
            var libraries = DemoLibraries.Outcome()
            try await DemoLibraries(lists: ListLibraryStore(db: session.db, kinds: workflow.lists, vocabulary: session.library.vocabulary),
                                    resources: ResourceStore(db: session.db, rules: workflow.resources, vocabulary: session.library.vocabulary),
                                    scenarios: ScenarioStore(db: session.db, fields: workflow.scenarios),
                                    actor: actor, today: today)
                .make(enterprises: made.enterprises, outcome: &libraries)
            print("按清单库认定的项目 / projects the lists decide (16, 18) …")
            let decided = try await DemoRecognised(store: session.projectStore, library: session.library, scenarios: workflow.scenarios, actor: actor)
                .make(firstEnterprise: firstCode, on: start)
            let progressReports = try await DemoProgress(store: PlanProgressStore(db: session.db, plan: workflow.progress, calendar: workflow.calendar),
                                                         actor: actor, today: today).make()

            print("生成目标进度填报 / making the target reports …")
            let reports = try await DemoTargets(store: TargetReportStore(db: session.db, library: session.library, listed: workflow.listedMeasures), city: actor, today: today).report()

            print("")
            print("演示数据已写入 \(session.connection.settings.described) / the demonstration is in \(session.connection.settings.described):")
            print("  \(made.enterprises.count) 家企业（16 个区）/ enterprises in all 16 districts, \(made.projects.count) 个项目 / projects")
            print("  申报 / applications: " + states.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
            print("  清单库 / list library: \(libraries.editions) 个版本 / editions, \(libraries.entries) 条 / entries; 资源库 / resources: \(libraries.resources); 场景任务 / scenario tasks: \(libraries.tasks); 推进情况填报 / progress reports: \(progressReports)")
            print("  清单库认定 / decided by the lists: \(decided.projects) 个项目（DEMO-16 首台套、DEMO-18 标杆示范）/ projects, 重新评估后 \(decided.reevaluated) 个项目的推荐变化 / recommendations changed on re-evaluation")
            print("  目标进度 / target reports: \(reports) 条填报 / reports of the measures the registry cannot count")
            print("  台账 / ledger: \(outcome.confirmations) 笔确认 / confirmations, \(outcome.entries) 笔记录 / entries, 免申即享待审批 \(outcome.batchProposals) 笔 / proposals awaiting approval")
            print("  目录 / catalogue: \(catalogue.listed) 个在列 / listed, \(catalogue.expired) 个已到期 / expired, \(catalogue.submissions) 个申报 / submissions")
            print("")
            print("演示账户（仅供演示）/ demo accounts (for the demonstration only), password: \(password)")
            for a in accounts { print("  \(a.username)\t\(a.role.rawValue)\t\(a.what)") }
            print("")
            print("然后 / then: swift run renewal serve  →  http://127.0.0.1:8080/")
        }
    }
}
