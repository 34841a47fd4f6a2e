import Workflow

/// THE table of access: for every operation of `openapi.yaml`, who may call it. Both servers
/// consult it (`AccessMiddleware` finds a request's operation by its route); an operation
/// without a row is refused to everyone, and `RoleOperationTests` fails until the row exists.
///
/// Departments see the cases sent to them (`Visibility+Cases`) and banks and lessors their own
/// contracts in the ledger (`ledgerScope`); neither sees the rest of the registry.
enum OperationRules {
    /// Those who see part of the registry: their enterprise, their district, or all of it.
    static let registry: AccessRule = .roles([.enterprise, .districtOfficer, .cityOfficer, .administrator])
    /// Officers: a district officer in its district, the city officer and the administrator everywhere.
    static let officers: AccessRule = .roles([.districtOfficer, .cityOfficer, .administrator])
    /// The whole city at once: rolling lists, bulk imports, deleting an enterprise.
    static let city: AccessRule = .roles([.cityOfficer, .administrator])
    static let administrators: AccessRule = .roles([.administrator])
    /// Those who may read a case: its enterprise, its district, the departments it was sent to, the city.
    static let caseReaders: AccessRule = .roles([.enterprise, .districtOfficer, .cityOfficer, .department, .administrator])
    /// Those who read the ledger, each its part: the enterprise, the district, the bank's contracts, the city.
    static let ledgerReaders: AccessRule = .roles([.enterprise, .districtOfficer, .cityOfficer, .bank, .administrator])

    static let rules: [String: AccessRule] = [
        // The innovative-product catalogue (十七): every account reads the published products
        // (an enterprise also its own submissions: `CatalogueStore.Reach`); an enterprise
        // submits; officers and departments record the expert review; committee members (city
        // officers' and departments' accounts appointed to it — the store checks the seat) vote
        // or recuse; the city officer appoints the committee, publishes, renews and ends listings.
        "listCatalogueProducts": .everyRole,
        "submitCatalogueProduct": .roles([.enterprise]),
        "getCatalogueProduct": .everyRole,
        "reviewCatalogueProduct": .roles([.districtOfficer, .cityOfficer, .department]),
        "voteOnCatalogueProduct": .roles([.cityOfficer, .department]),
        "recuseFromCatalogueProduct": .roles([.cityOfficer, .department]),
        "publishCatalogueProduct": .roles([.cityOfficer]),
        "renewCatalogueProduct": .roles([.cityOfficer]),
        "expireCatalogueProduct": .roles([.cityOfficer]),
        "listCatalogueCommittee": .roles([.districtOfficer, .cityOfficer, .department, .administrator]),
        "changeCatalogueCommittee": .roles([.cityOfficer]),
        "exportCatalogue": .everyRole,
        "importCatalogue": city,

        // The public policy calculator: a project file in, its plan out; nothing stored.
        "matchProjectFile": .anyone,

        // Enterprises: an enterprise user registers and edits its own (the credit code of its
        // account); officers within their district.
        "listEnterprises": registry,
        "createEnterprise": registry,
        "getEnterprise": registry,
        "updateEnterprise": registry,
        "deleteEnterprise": city,
        "getEnterprisePlan": registry,

        // Projects: the enterprise's own, the district's, all.
        "listProjects": registry,
        "createProject": registry,
        "getProject": registry,
        "updateProject": registry,
        "deleteProject": registry,
        "getProjectMatch": registry,
        "listProjectVersions": registry,
        "getProjectVersion": registry,
        // Filing, construction, completion and acceptance are the authorities' to record.
        "changeProjectStatus": officers,
        "exportProjects": registry,

        // Rolling lists span the city and go to banks and lessors.
        "listRollingLists": city,
        "createRollingList": city,
        "getRollingList": city,
        "reviseRollingList": city,
        "publishRollingList": city,
        "sendRollingList": city,
        "exportRollingList": city,

        // An import may touch any enterprise.
        "createImport": city,
        "getImport": city,

        // Applications: the enterprise applies and follows its case; officers take it in and
        // send it to review; departments give opinions on the cases sent to them; the city
        // officer decides. Whose case is the handler's (`Visibility+Cases`); which role may fire
        // which step of the process is also the workflow's own rule.
        "listApplications": caseReaders,
        "createApplication": .roles([.enterprise]),
        "getApplication": caseReaders,
        "submitApplication": .roles([.enterprise]),
        "withdrawApplication": .roles([.enterprise]),
        "uploadApplicationMaterial": .roles([.enterprise]),
        "downloadApplicationMaterial": caseReaders,
        "intakeApplication": .roles([.districtOfficer, .cityOfficer]),
        "startApplicationReview": .roles([.districtOfficer, .cityOfficer]),
        "giveReviewOpinion": .roles([.department]),
        "decideApplication": .roles([.cityOfficer]),
        "compareApplicationWithPolicy": caseReaders,
        "getApplicationAudit": caseReaders,
        // Risk flags: the case's readers but its enterprise (the evidence names other
        // enterprises); the city-wide list for officers, a district officer its district's.
        "getApplicationRiskFlags": .roles([.districtOfficer, .cityOfficer, .department, .administrator]),
        "listRiskFlags": officers,
        "listAuditEntries": city,
        "getReviewTimes": officers,
        // The policy library's values: the city keeps them.
        "listPolicyChanges": city,
        "savePolicyChange": city,
        // Budget pools, quotas and the money reports (issue 11, items 4 and 8): the city officer
        // sets the pools (the finance bureau's numbers); officers read pools, rankings, quotas
        // and the money report (a district officer its district: `APIHandler+Budget`); banks
        // and lessors read the reconciliation of their own contracts.
        "listBudgetPools": officers,
        "createBudgetPool": .roles([.cityOfficer]),
        "getBudgetPool": officers,
        "reviseBudgetPool": .roles([.cityOfficer]),
        "getBudgetPoolRanking": officers,
        "listQuotas": officers,
        "getMoneyReport": officers,
        "getReconciliationReport": .roles([.districtOfficer, .cityOfficer, .bank, .administrator]),
        // Commitment filing (承诺备案): the enterprise files its own application; filings are
        // read by whose they are (Visibility); the city draws the sample; a district officer (its
        // district) or the city officer records a verification; officers read the samples.
        "fileOnCommitment": .roles([.enterprise]),
        "listCommitmentFilings": registry,
        "getCommitmentFiling": registry,
        "verifyCommitmentFiling": .roles([.districtOfficer, .cityOfficer]),
        "drawCommitmentSample": .roles([.cityOfficer]),
        "listCommitmentSamples": officers,
        "getCommitmentSample": officers,

        // Notices: each account its own (the store finds them by the account).
        "listNotices": AccessRule.everyRole,
        "markNoticeRead": AccessRule.everyRole,

        // Accounts.
        "createToken": .signIn,
        "listTokens": AccessRule.everyRole,
        "revokeToken": AccessRule.everyRole,
        "getMe": AccessRule.everyRole,
        "listUsers": administrators,
        "createUser": administrators,
        "getUser": administrators,
        "updateUser": administrators,

        // The ledger. Banks and lessors confirm their own contracts only (the store checks the
        // contract names them); officers propose; the city officer alone approves, claws back,
        // records repayments and corrects — the administrator runs the platform, not the money.
        // Reading goes by `ledgerScope`: an enterprise its own, a district its own, a bank its
        // contracts, the city all.
        "listInstitutionContracts": .roles([.bank, .cityOfficer, .administrator]),
        "confirmLoanInterest": .roles([.bank]),
        "confirmLeaseInvestment": .roles([.bank]),
        "listConfirmations": ledgerReaders,
        "listPaymentProposals": ledgerReaders,
        "proposePayment": officers,
        "approvePaymentProposal": .roles([.cityOfficer]),
        "declinePaymentProposal": .roles([.enterprise, .districtOfficer, .cityOfficer]),
        "proposeAutomaticPayments": .roles([.cityOfficer]),
        "approvePaymentBatch": .roles([.cityOfficer]),
        "listLedgerEntries": ledgerReaders,
        "correctLedgerEntry": .roles([.cityOfficer]),
        "recordClawback": .roles([.cityOfficer]),
        "recordRepayment": .roles([.cityOfficer]),
        "getLedgerSummary": ledgerReaders,

        // The 2027 targets dashboard: officers read it; the city officer reports for the city or
        // a district, a district officer for its own district (checked in the handler).
        "getDashboard": officers,
        "listTargetReports": officers,
        "createTargetReport": .roles([.districtOfficer, .cityOfficer]),

        // The list library (清单库): the plan's published lists are read by every account; the
        // city publishes editions (each whole, never changed).
        "listListKinds": AccessRule.everyRole,
        "listListEditions": AccessRule.everyRole,
        "publishListEdition": city,
        "getListEdition": AccessRule.everyRole,
        "exportListEdition": AccessRule.everyRole,
        "diffListEditions": AccessRule.everyRole,
        "searchListEntries": AccessRule.everyRole,
        // The resource library (资源库): read by every account; the city keeps it, a bank or
        // lessor its own institution's financial products (the store checks whose). What fits a
        // project is read by whoever reads the project.
        "listResources": AccessRule.everyRole,
        "createResource": .roles([.cityOfficer, .administrator, .bank]),
        "getResource": AccessRule.everyRole,
        "updateResource": .roles([.cityOfficer, .administrator, .bank]),
        "getProjectResources": registry,
        // The checks the plan states (十二)(十五): a project's assessments and gradings, read and
        // filed by those who reach the project (the enterprise its own, officers their district).
        "listSmartFactoryAssessments": registry,
        "fileSmartFactoryAssessment": registry,
        "listSecondHandGradings": registry,
        "fileSecondHandGradings": registry,
        // Scenario tasks (十一)(十八): read by every account; the city releases them and designates
        // the benchmarks; an enterprise takes a task up for itself.
        "listScenarioTasks": AccessRule.everyRole,
        "releaseScenarioTask": city,
        "takeScenarioTask": .roles([.enterprise]),
        "designateScenarioBenchmark": .roles([.cityOfficer]),
        // The plan's own progress: officers and the responsible units' departments read it; the
        // city officer reports for any unit, a department for the units mapped to it (checked in
        // the handler).
        "getPlanProgress": .roles([.districtOfficer, .cityOfficer, .department, .administrator]),
        "listPlanProgressReports": .roles([.districtOfficer, .cityOfficer, .department, .administrator]),
        "reportPlanProgress": .roles([.cityOfficer, .department]),
        "uploadPlanProgressEvidence": .roles([.cityOfficer, .department]),
        "downloadPlanProgressEvidence": .roles([.districtOfficer, .cityOfficer, .department, .administrator]),
    ]

    static func rule(for operationId: String) -> AccessRule? { rules[operationId] }
}
