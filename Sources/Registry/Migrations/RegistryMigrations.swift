import FluentKit

/// The registry's migrations in order. Written with Fluent's schema builder (and SQLKit for
/// indexes) so the same migrations run on SQLite and PostgreSQL.
public enum RegistryMigrations {
    public static var all: [any Migration] {
        [CreateEnterprises(), CreateProjects(), CreateProjectChildren(), CreateRollingLists(), CreateImportJobs(), AddListIndexes(), AddTextSearchIndex(),
         AddLoanPurpose(), CreateProjectVersions(), CreateListSnapshots(),
         // 007
         CreateAccounts(),
         // 008, 009
         CreateAuditEntries(), CreateApplications(),
         // 010: notices, the mail queue, scheduled jobs' claims.
         CreateNotices(), CreateMailOutbox(), CreateJobClaims(),
         // 011: commitment filing.
         CreateCommitmentFilings(),
         // 012: an account's mail address.
         AddUserEmail(),
         // 013: values of the policy saved from a date on.
         CreatePolicyChanges(),
         // 014: the disbursement ledger, confirmations, payment proposals.
         CreateLedger(),
         // 015: budget pools, and the reason of an approval past a quota.
         CreateBudgetPools(),
         // 016: the fields the risk flags read, and the flags raised on submission.
         AddRiskFields(), CreateRiskFlags(),
         // 017: reports of the targets' measures (the dashboard).
         CreateTargetReports(),
         // 018: the innovative-product catalogue, its committee and listings.
         CreateCatalogue(),
         // 019: the list library and the resource library.
         CreateListLibrary(),
         // 022: the plan's own progress, quarterly reports of the units' tasks.
         CreatePlanProgressReports(),
         // 024: the checks the plan states — a project's planChecks, smart-factory assessments, second-hand gradings.
         CreatePlanCheckRecords(),
         // 025: each project's object kept with it, for reading stored projects in bulk.
         AddProjectJSON()]
    }
}
