import Foundation
import Policy

/// The workflow's policy data, loaded from the `workflow/` folder of a policy library and checked
/// against that library:
///
///     materials.yaml      the materials checklist of every city instrument
///     departments.yaml    the reviewing departments, who reviews what, service levels, green channel
///     process.yaml        deferral period and reminders, at-risk margin, commitment-filing sample
///     calendars/YYYY.yaml public holidays and make-up working days, one file per year
///     quotas.yaml         the yearly numbers of supported cases the plan names (budget.md)
///     lists.yaml          the kinds of list of the list library, and the targets they feed (lists.md)
///     resources.yaml      the financial products' types; which resources fit a project (resources.md)
///     scenarios.yaml      the fields of the application-scenario tasks (lists.md)
///     catalogue.yaml      the innovative-product catalogue's review, committee and listing (catalogue.md)
///     progress.yaml       the units' tasks under the measures, when quarterly reports fall due (progress.md)
///
/// Loading is the module's only I/O; every rule takes the loaded values.
public struct WorkflowLibrary: Sendable {
    /// The targets' measures a library counts (the lists' `counts:`, the catalogue's): the dashboard
    /// computes them and refuses a report of them by hand.
    public var listedMeasures: Set<String> { Self.listedMeasures(lists: lists, catalogue: catalogue) }
    public static func listedMeasures(lists: ListKinds, catalogue: CatalogueRules) -> Set<String> {
        lists.fedMeasures.union([catalogue.countsMeasure].compactMap { $0 })
    }

    public var materials: MaterialsChecklist
    public var roster: ReviewRoster
    public var process: ProcessRules
    public var calendar: WorkingCalendar
    public var quotas: [Quota]
    /// The list library's kinds (empty without `lists.yaml`).
    public var lists: ListKinds = ListKinds(kinds: [])
    /// The resource library's rules (none without `resources.yaml`).
    public var resources: ResourceRules = ResourceRules()
    /// The scenario tasks' fields (none without `scenarios.yaml`).
    public var scenarios: ScenarioFields = ScenarioFields()
    /// The innovative-product catalogue's rules (defaults without `catalogue.yaml`).
    public var catalogue: CatalogueRules
    /// The plan's own progress: the units' tasks (none without `progress.yaml`).
    public var progress: ProgressPlan = ProgressPlan()

    public init(materials: MaterialsChecklist, roster: ReviewRoster, process: ProcessRules, calendar: WorkingCalendar, quotas: [Quota] = [],
                catalogue: CatalogueRules = CatalogueRules()) {
        self.materials = materials
        self.roster = roster
        self.process = process
        self.calendar = calendar
        self.quotas = quotas
        self.catalogue = catalogue
    }

    /// Reads and checks the folder; throws every problem found, by file and path, in Chinese and English.
    public static func load(directory: URL, policy: PolicyLibrary) throws(WorkflowLibraryErrors) -> WorkflowLibrary {
        let log = WorkflowNode.Log()
        let reader = WorkflowFiles(directory: directory, log: log)
        let materials = reader.node("materials.yaml").map(WorkflowReader.materials)
        let roster = reader.node("departments.yaml").map(WorkflowReader.roster)
        let process = reader.node("process.yaml").flatMap(WorkflowReader.process)
        let quotas = reader.node("quotas.yaml").map(WorkflowReader.quotas) ?? []
        let catalogue = reader.node("catalogue.yaml").flatMap { WorkflowReader.catalogue($0, policy: policy) }
        let years = reader.calendarFiles().compactMap { WorkflowReader.holidayYear($0.node, fileYear: $0.year) }
        if years.isEmpty {
            log.add("calendars/", "$", zh: "没有任何年份的节假日文件", en: "no holiday file for any year")
        }
        // The libraries' files are optional: a workflow folder of an older library has neither.
        func optional(_ name: String) -> WorkflowNode? {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path) ? reader.node(name) : nil
        }
        let lists = optional("lists.yaml").map { ListKindsReader.read($0, policy: policy) }
        let resources = optional("resources.yaml").map { ResourceRulesReader.read($0, policy: policy) }
        let scenarios = optional("scenarios.yaml").map { ScenarioFieldsReader.read($0, policy: policy) }
        let progress = optional("progress.yaml").map {
            ProgressPlanReader.read($0, policy: policy, departments: Set((roster?.departments ?? []).map(\.code)))
        }
        var library = WorkflowLibrary(
            materials: materials ?? MaterialsChecklist(items: [:], instruments: [:]),
            roster: roster ?? ReviewRoster(departments: [], required: [:]),
            process: process ?? ProcessRules(deferral: .init(dueDays: 0, counted: .calendar, remindDaysBefore: []),
                                             serviceLevel: .init(atRiskWorkingDaysLeft: 0),
                                             commitmentFiling: .init(sampleRate: 0, categories: [], zeroLand: true, commitmentItem: "")),
            calendar: WorkingCalendar(years: years), quotas: quotas, catalogue: catalogue ?? CatalogueRules())
        if let lists { library.lists = lists }
        if let resources { library.resources = resources }
        if let scenarios { library.scenarios = scenarios }
        if let progress { library.progress = progress }
        if materials != nil, roster != nil, process != nil {
            WorkflowLibraryChecks(library: library, policy: policy, log: log).run()
        }
        guard log.errors.isEmpty else { throw WorkflowLibraryErrors(errors: log.errors) }
        return library
    }

    /// `workflow/` inside the policy library the platform ships (`PolicyLibraryLoader.defaultDirectory()`).
    public static func defaultDirectory() -> URL? {
        PolicyLibraryLoader.defaultDirectory()?.appendingPathComponent("workflow")
    }

    public static func loadDefault(policy: PolicyLibrary) throws(WorkflowLibraryErrors) -> WorkflowLibrary {
        guard let directory = defaultDirectory() else {
            throw WorkflowLibraryErrors(errors: [WorkflowLibraryError(file: "workflow/", path: "$", message: LocalizedText(
                zh: "未找到政策库；请在仓库目录中运行或设置 RENEWAL_POLICY_DIR",
                en: "policy library not found; run from the repository or set RENEWAL_POLICY_DIR"))])
        }
        return try load(directory: directory, policy: policy)
    }
}
