import FluentKit
import Logging
import Policy
import Registry
import Risk
import Workflow

/// What the API's handlers need, and nothing more: the policy library and its engine, the
/// stores over the database, the import runner. Handlers receive this instead of the whole
/// Vapor application, so what they can reach is plain to see (and tests can build one).
struct PlatformServices: Sendable {
    /// The policy library, its version and the platform's today are read when asked, not kept:
    /// a library loaded anew (or a today fixed by a test) reaches every handler at once.
    let current: @Sendable () -> (library: PolicyLibrary, version: String, clock: PlatformClock)
    var library: PolicyLibrary { current().library }
    /// A database handle (Fluent hands each caller one on an event loop of its own).
    let database: @Sendable () -> any Database
    let importRunner: ImportRunner
    /// Sign-in's settings, hasher and rate limit.
    let accounts: AccountServices
    let logger: Logger
    /// The workflow's policy data (materials, departments, process, calendar).
    let workflow: WorkflowLibrary
    /// The thresholds of the risk flags raised on submission (`risk.yaml`).
    let risk: RiskSettings
    /// The policy library's version, pinned to every decision.
    var libraryVersion: String { current().version }
    /// The fingerprint of the library's files alone (the version before any saved change).
    let filesVersion: String
    /// Puts a new library in force (a saved change of the policy) with its version.
    let install: @Sendable (PolicyLibrary, String) -> Void
    var clock: PlatformClock { current().clock }

    /// The engine, evaluating projects without an application date under today's policy.
    var engine: Engine { Engine(library: library) }

    func projectStore(on db: (any Database)? = nil) -> ProjectStore {
        ProjectStore(db: db ?? database(), engine: engine, scenarios: workflow.scenarios)
    }
    func listStore(on db: (any Database)? = nil) -> RollingListStore { RollingListStore(db: db ?? database(), scenarios: workflow.scenarios) }
    func commitmentStore(on db: (any Database)? = nil) -> CommitmentStore {
        CommitmentStore(db: db ?? database(), engine: engine, workflow: workflow)
    }
    func importService(by actor: AuditActor) -> ImportService {
        ImportService(db: database(), library: library, actor: actor, scenarios: workflow.scenarios)
    }
    func applicationStore(on db: (any Database)? = nil) -> ApplicationStore {
        ApplicationStore(db: db ?? database(), engine: engine, workflow: workflow, libraryVersion: libraryVersion, risk: risk)
    }
    func catalogueStore(on db: (any Database)? = nil) -> CatalogueStore { CatalogueStore(db: db ?? database(), rules: workflow.catalogue) }

    /// The engine consulting the stored libraries (catalogue, recognitions, designations) for
    /// these projects of one enterprise: what the plan routes evaluate with. A library with
    /// nothing stored yet is not consulted and the declarations stand (`LibrariesReader`).
    func engine(checking projects: [Project], enterprise creditCode: String?, on db: (any Database)? = nil) async throws -> Engine {
        try await engine.checkingLibraries(of: projects, enterprise: creditCode, scenarios: workflow.scenarios, on: db ?? database())
    }
    func noticeStore(on db: (any Database)? = nil) -> NoticeStore { NoticeStore(db: db ?? database()) }
    func listLibrary(on db: (any Database)? = nil) -> ListLibraryStore {
        ListLibraryStore(db: db ?? database(), kinds: workflow.lists, vocabulary: library.vocabulary)
    }
    func resourceStore(on db: (any Database)? = nil) -> ResourceStore {
        ResourceStore(db: db ?? database(), rules: workflow.resources, vocabulary: library.vocabulary)
    }
    func scenarioStore(on db: (any Database)? = nil) -> ScenarioStore { ScenarioStore(db: db ?? database(), fields: workflow.scenarios) }
    func progressStore(on db: (any Database)? = nil) -> PlanProgressStore {
        PlanProgressStore(db: db ?? database(), plan: workflow.progress, calendar: workflow.calendar)
    }
    func ledgerStore(on db: (any Database)? = nil) -> LedgerStore { LedgerStore(db: db ?? database(), engine: engine, libraryVersion: libraryVersion) }
}
