import Policy
import Registry
import Risk
import Workflow
import Vapor

extension Application {
    private struct PolicyLibraryKey: StorageKey { typealias Value = PolicyLibrary }

    /// The policy library loaded at start.
    public var policyLibrary: PolicyLibrary {
        get {
            guard let library = storage[PolicyLibraryKey.self] else { fatalError("configure(_:settings:) loads the policy library first") }
            return library
        }
        set { storage[PolicyLibraryKey.self] = newValue }
    }

    /// The engine, evaluating projects without an application date under today's policy.
    public var engine: Engine { Engine(library: policyLibrary) }

    public var projectStore: ProjectStore { ProjectStore(db: db, engine: engine, scenarios: workflowLibrary.scenarios) }
    public var listStore: RollingListStore { RollingListStore(db: db, scenarios: workflowLibrary.scenarios) }

    /// What the API's handlers are given (see `PlatformServices`).
    var platformServices: PlatformServices {
        let app = self
        return PlatformServices(current: { (app.policyLibrary, app.libraryVersion, app.platformClock) }, database: { app.db },
                                importRunner: importRunner, accounts: accountServices, logger: logger, workflow: workflowLibrary, risk: riskSettings,
                                filesVersion: filesLibraryVersion,
                                install: { library, version in app.policyLibrary = library; app.libraryVersion = version })
    }

    private struct WorkflowLibraryKey: StorageKey { typealias Value = WorkflowLibrary }
    private struct RiskSettingsKey: StorageKey { typealias Value = RiskSettings }

    /// The risk flags' thresholds (`risk.yaml`), loaded with the policy library.
    public var riskSettings: RiskSettings {
        get {
            guard let settings = storage[RiskSettingsKey.self] else { fatalError("configure(_:settings:) loads the risk settings first") }
            return settings
        }
        set { storage[RiskSettingsKey.self] = newValue }
    }
    private struct LibraryVersionKey: StorageKey { typealias Value = String }
    private struct PlatformClockKey: StorageKey { typealias Value = PlatformClock }

    /// The workflow's policy data, loaded with the policy library.
    public var workflowLibrary: WorkflowLibrary {
        get {
            guard let library = storage[WorkflowLibraryKey.self] else { fatalError("configure(_:settings:) loads the workflow library first") }
            return library
        }
        set { storage[WorkflowLibraryKey.self] = newValue }
    }

    /// The policy library's version (`LibraryFingerprint`), pinned to every decision.
    public var libraryVersion: String {
        get { storage[LibraryVersionKey.self] ?? "unknown" }
        set { storage[LibraryVersionKey.self] = newValue }
    }

    private struct FilesVersionKey: StorageKey { typealias Value = String }

    /// The fingerprint of the library's files, before the changes saved in the database.
    public var filesLibraryVersion: String {
        get { storage[FilesVersionKey.self] ?? libraryVersion }
        set { storage[FilesVersionKey.self] = newValue }
    }

    /// The platform's today (a test may fix it).
    public var platformClock: PlatformClock {
        get { storage[PlatformClockKey.self] ?? PlatformClock() }
        set { storage[PlatformClockKey.self] = newValue }
    }

    private struct AccountServicesKey: StorageKey { typealias Value = AccountServices }

    /// Sign-in's settings, hasher and rate limit, made by `configure`.
    public var accountServices: AccountServices {
        get {
            guard let services = storage[AccountServicesKey.self] else { fatalError("configure(_:settings:) sets up the accounts first") }
            return services
        }
        set { storage[AccountServicesKey.self] = newValue }
    }

    private struct ContractRoutesKey: StorageKey { typealias Value = RegisteredRoutes }

    /// The routes the generated server asked for (tests hold each operation to one server).
    var contractRoutes: RegisteredRoutes {
        if let routes = storage[ContractRoutesKey.self] { return routes }
        let routes = RegisteredRoutes()
        storage[ContractRoutesKey.self] = routes
        return routes
    }
}

extension Application {
    /// The library in force: the files' library with the changes officers saved in the database
    /// (`PolicyChangeStore`), and its version. Run once the database is migrated.
    public func installSavedPolicyChanges() async throws {
        let store = PolicyChangeStore(db: db)
        let changes = try await store.all()
        guard !changes.isEmpty else { return }
        policyLibrary = try await store.library(over: policyLibrary)
        libraryVersion = PolicyChangeStore.version(files: filesLibraryVersion, changes: changes)
        logger.info("policy changes saved in the database are in force", metadata: ["changes": .stringConvertible(changes.count)])
    }
}
