import Workflow

/// The pages' rows of the access table, beside the API's (`OperationRules`): who may open each
/// page. The same `AccessRule`s decide, with the web session's account; a page without a row is
/// refused to everyone, and `PageRoleTests` fails until both tables agree.
enum PageRules {
    static let rules: [String: AccessRule] = [
        // Public: the calculator computes and stores nothing; the library is the published policy.
        "calculator": .anyone,
        "calculatorResult": .anyone,
        "calculatorUpload": .anyone,
        "policyLibrary": .anyone,
        "policyParameters": .anyone,
        // A parameter's new value, previewed and saved: the roles of `savePolicyChange`
        // (`OperationRules.city`); the preview reads every stored project, so it is theirs too.
        "policyParameterEdit": OperationRules.city,
        "policyParameterPreview": OperationRules.city,
        "policyParameterSave": OperationRules.city,
        // The open data of supported projects: what a government may publish, nothing personal.
        "openDataSupported": .anyone,
        // The enterprise's own page: its record, projects and plan.
        "enterpriseHome": .roles([.enterprise]),
        // Its record and projects in forms: the store's calls of the API's create and update, the
        // account's own enterprise only (its credit code, never one from the form).
        "enterpriseRecord": .roles([.enterprise]),
        "enterpriseRecordSave": .roles([.enterprise]),
        "enterpriseProjectNew": .roles([.enterprise]),
        "enterpriseProjectCreate": .roles([.enterprise]),
        "enterpriseProjectEdit": .roles([.enterprise]),
        "enterpriseProjectSave": .roles([.enterprise]),
        // Its applications: the same store calls as the API's, each case checked as the API checks it.
        "enterpriseApplications": .roles([.enterprise]),
        "enterpriseApply": .roles([.enterprise]),
        "enterpriseApplication": .roles([.enterprise]),
        "enterpriseUpload": .roles([.enterprise]),
        "enterpriseSubmit": .roles([.enterprise]),
        // The officers' queue and case pages: the case's readers but its enterprise (the risk
        // flags' evidence names other enterprises); each action for the roles its API
        // operation admits (`OperationRules`), the workflow's own rule deciding the rest.
        "caseQueue": .roles([.districtOfficer, .cityOfficer, .department, .administrator]),
        "caseReview": .roles([.districtOfficer, .cityOfficer, .department, .administrator]),
        "caseIntake": .roles([.districtOfficer, .cityOfficer]),
        "caseStartReview": .roles([.districtOfficer, .cityOfficer]),
        "caseOpinion": .roles([.department]),
        "caseDecision": .roles([.cityOfficer]),
        // The 2027 targets dashboard: the readers of `getDashboard`; a report for the roles of
        // `createTargetReport` (a district officer for its own district, checked as the API checks).
        "dashboard": .roles([.districtOfficer, .cityOfficer, .administrator]),
        "dashboardReport": .roles([.districtOfficer, .cityOfficer]),
        // The ledger and the budget pools: the officers of `listLedgerEntries` and
        // `listBudgetPools` (a district officer its district); an approval for the city officer,
        // as `approvePaymentProposal` and `approvePaymentBatch`.
        "ledger": .roles([.districtOfficer, .cityOfficer, .administrator]),
        "ledgerApprove": .roles([.cityOfficer]),
        "ledgerApproveBatch": .roles([.cityOfficer]),
        // The rolling lists span the city: the city officer and the administrator, as
        // `listRollingLists`, `getRollingList` and `publishRollingList`.
        "rollingLists": .roles([.cityOfficer, .administrator]),
        "rollingList": .roles([.cityOfficer, .administrator]),
        "rollingListPublish": .roles([.cityOfficer, .administrator]),
        // The innovative-product catalogue (十七): its list and products for anyone (the reach,
        // `CatalogueReach`, hides the unpublished from those who may not read them); each step
        // for the roles of its API operation (`OperationRules`), the workflow and the committee
        // seat deciding the rest.
        "catalogue": .anyone,
        "catalogueProduct": .anyone,
        "catalogueNew": .roles([.enterprise]),
        "catalogueSubmit": .roles([.enterprise]),
        "catalogueReview": .roles([.districtOfficer, .cityOfficer, .department]),
        "catalogueVote": .roles([.cityOfficer, .department]),
        "catalogueRecuse": .roles([.cityOfficer, .department]),
        "cataloguePublish": .roles([.cityOfficer]),
        "catalogueRenew": .roles([.cityOfficer]),
        "catalogueExpire": .roles([.cityOfficer]),
        // The list library: read by every account, as `searchListEntries` and `getListEdition`;
        // a new edition for the roles of `publishListEdition` (`OperationRules.city`).
        "listLibrary": .everyRole,
        "listLibraryKind": .everyRole,
        "listLibraryEdition": .everyRole,
        "listLibraryPublish": OperationRules.city,
        // The resource library: read by every account, as `listResources` and `getResource`; a
        // financial product edited by the roles of `updateResource` (a bank its own, as the store checks).
        "resources": .everyRole,
        "resource": .everyRole,
        "resourceSave": .roles([.cityOfficer, .administrator, .bank]),
        // Scenario tasks: read by every account, as `listScenarioTasks`; taken up by an
        // enterprise (`takeScenarioTask`), a benchmark designated by the city officer.
        "scenarioTasks": .everyRole,
        "scenarioTake": .roles([.enterprise]),
        "scenarioDesignate": .roles([.cityOfficer]),
        // The plan's progress: the readers of `getPlanProgress`; a report for the roles of
        // `reportPlanProgress` (its unit only, as `ProgressPlan.mayReport` decides).
        "planProgress": .roles([.districtOfficer, .cityOfficer, .department, .administrator]),
        "planProgressReport": .roles([.cityOfficer, .department]),
        "signIn": .signIn,
        "signInSubmit": .signIn,
        "signOut": .everyRole,
        "language": .anyone,
        "stylesheet": .anyone,
        "icon": .anyone,
    ]
}
