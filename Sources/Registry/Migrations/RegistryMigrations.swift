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
         // 011 (010 is the notices')
         CreateCommitmentFilings()]
    }
}
