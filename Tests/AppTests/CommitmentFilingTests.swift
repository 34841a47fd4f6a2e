import App
import Fluent
import Foundation
import Policy
import Registry
import SQLKit
import Testing
import Vapor
import Workflow

/// Commitment filing (承诺备案) on the registry: a filing at once on the signed commitment, a
/// sample reproducible from its seed, a breach that revokes the filing and returns the project
/// to the reserve, each step on the audit trail.
@Suite struct CommitmentFilingTests {
    static let enterprise = ApplicationWorkflowTests.enterprise
    static let officer = ApplicationWorkflowTests.officer
    static let city = ApplicationWorkflowTests.city
    static let day = Day(iso: "2026-03-02")!

    static func store(_ app: Application) throws -> CommitmentStore {
        CommitmentStore(db: app.db, engine: Engine(library: app.policyLibrary), workflow: try WorkflowLibrary.loadDefault(policy: app.policyLibrary))
    }

    /// The example's first project (zero-land technical renovation) under `code`, changed by `edit`.
    static func project(_ app: Application, code: String, edit: (inout Project) -> Void = { _ in }) async throws -> UUID {
        let file = try ApplicationWorkflowTests.exampleFile(app)
        let projects = ProjectStore(db: app.db, engine: Engine(library: app.policyLibrary))
        if try await projects.enterprise(file.enterprise.creditCode) == nil {
            _ = try await projects.createEnterprise(file.enterprise, by: enterprise)
        }
        var p = file.projects[0]
        p.id = code
        p.nationalCode = nil
        edit(&p)
        return try await projects.createProject(p, creditCode: file.enterprise.creditCode, by: enterprise)
    }

    /// A draft application for the project, with the signed commitment uploaded when `letter`.
    static func application(_ app: Application, project: UUID, letter: Bool = true) async throws -> UUID {
        let applications = try ApplicationWorkflowTests.store(app)
        let id = try await applications.create(projectID: project, instruments: nil, on: day, by: enterprise)
        if letter {
            _ = try await applications.addMaterial(id, item: "commitment-letter", fileName: "承诺书.pdf", data: ApplicationWorkflowTests.pdf(),
                                                   on: day, by: enterprise)
        }
        return id
    }

    static func conflict(_ body: () async throws -> Void) async -> LocalizedText? {
        do { try await body() } catch RegistryError.conflict(let m) { return m } catch { return nil }
        return nil
    }

    @Test(arguments: TestDatabase.all)
    func aSignedCommitmentFilesAtOnceAndOnlyAQualifyingProjectMayFile(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let store = try Self.store(app)
            let projects = ProjectStore(db: app.db, engine: Engine(library: app.policyLibrary))

            // A project that uses new land does not qualify; nor does one that is not technical renovation.
            let newLand = try await Self.project(app, code: "P-LAND") { $0.zeroLand = false }
            let newLandApplication = try await Self.application(app, project: newLand, letter: false)
            let refused = await Self.conflict { _ = try await store.file(applicationID: newLandApplication, on: Self.day, by: Self.enterprise) }
            #expect(refused == CommitmentFilingDecision.notEligible.message)
            // …and it cannot even upload the commitment item (not in its checklist).
            await #expect(throws: RegistryError.self) {
                _ = try await ApplicationWorkflowTests.store(app).addMaterial(newLandApplication, item: "commitment-letter", fileName: "x.pdf",
                                                                            data: ApplicationWorkflowTests.pdf(), on: Self.day, by: Self.enterprise)
            }
            let notRenovation = try await Self.project(app, code: "P-NOTR") { $0.categories.remove("technical-renovation") }
            let notRenovationApplication = try await Self.application(app, project: notRenovation)
            #expect(await Self.conflict { _ = try await store.file(applicationID: notRenovationApplication, on: Self.day, by: Self.enterprise) }
                    == CommitmentFilingDecision.notEligible.message)

            // Qualifying but without the signed commitment: refused, and nothing written.
            let qualifying = try await Self.project(app, code: "P-OK")
            let application = try await Self.application(app, project: qualifying, letter: false)
            #expect(await Self.conflict { _ = try await store.file(applicationID: application, on: Self.day, by: Self.enterprise) }
                    == CommitmentFilingDecision.commitmentMissing(item: "commitment-letter").message)
            #expect(try await CommitmentFilingModel.query(on: app.db).count() == 0)
            // Another enterprise's scope does not find the application.
            await #expect(throws: RegistryError.self) {
                _ = try await store.file(applicationID: application, on: Self.day, by: Self.enterprise, scope: .enterprise(creditCode: "91310000000000000X"))
            }

            // With it: filed at once, the number readable, the project filed.
            _ = try await ApplicationWorkflowTests.store(app).addMaterial(application, item: "commitment-letter", fileName: "承诺书.pdf",
                                                                        data: ApplicationWorkflowTests.pdf(), on: Self.day, by: Self.enterprise)
            let filing = try await store.file(applicationID: application, on: Self.day, by: Self.enterprise)
            #expect(filing.number == "CN-2026-000001")
            #expect(filing.status == "filed" && filing.filedOn == "2026-03-02" && filing.movedProject && filing.projectStatusBefore == "reserve")
            #expect(filing.creditCode == "91310115MA1K4ABCDD" && filing.district == "pudong")
            #expect(try await projects.project(qualifying).status == "filed")
            // Once per application, once per project in force.
            #expect(await Self.conflict { _ = try await store.file(applicationID: application, on: Self.day, by: Self.enterprise) } != nil)

            // The next filing takes the next number.
            let second = try await Self.application(app, project: try await Self.project(app, code: "P-OK2"))
            #expect(try await store.file(applicationID: second, on: Self.day, by: Self.enterprise).number == "CN-2026-000002")

            // On the audit trail: the filing and the project's status change, by the enterprise.
            let entries = try await AuditEntryModel.query(on: app.db).sort(\.$seq).all()
            let filed = try #require(entries.first { $0.action == "commitment.file" && $0.subjectID == filing.id!.uuidString.lowercased() })
            #expect(filed.actorName == Self.enterprise.name && filed.caseID == application.uuidString.lowercased())
            #expect(filed.afterJSON?.contains("CN-2026-000001") == true)
            #expect(entries.contains { $0.action == "project.status" && $0.subjectID == qualifying.uuidString.lowercased() && $0.afterJSON?.contains("filed") == true })
        }
    }

    @Test(arguments: TestDatabase.all)
    func aSampleIsReproducibleFromItsSeedAndABreachRevokes(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let store = try Self.store(app)
            let projects = ProjectStore(db: app.db, engine: Engine(library: app.policyLibrary))
            var filings: [CommitmentFilingModel] = []
            for k in 1...10 {
                let project = try await Self.project(app, code: "P-S\(k)")
                filings.append(try await store.file(applicationID: try await Self.application(app, project: project), on: Self.day, by: Self.enterprise))
            }
            // Bad input is refused by field; a period not yet over cannot be drawn from.
            do {
                _ = try await store.draw(from: Day(iso: "2026-03-31")!, to: Day(iso: "2026-03-01")!, rate: 2, seed: 1, on: Self.day, by: Self.city)
                Issue.record("a draw with a bad period and rate went through")
            } catch RegistryError.invalid(let issues) {
                #expect(Set(issues.map(\.path)) == ["$.to", "$.rate"])
            }
            await #expect(throws: RegistryError.self) {
                _ = try await store.draw(from: Day(iso: "2026-03-01")!, to: Day(iso: "2026-03-31")!, rate: nil, seed: 7, on: Self.day, by: Self.city)
            }

            let drawDay = Day(iso: "2026-04-01")!
            let sample = try await store.draw(from: Day(iso: "2026-03-01")!, to: Day(iso: "2026-03-31")!, rate: nil, seed: 0xC0FFEE, on: drawDay, by: Self.city)
            #expect(sample.seed == "0000000000c0ffee" && sample.rate == "0.2" && sample.population == 10)
            let selected = sample.selectedNumbers
            #expect(selected.count == 2)
            // Reproducible: the stored seed and population give the same selection, in any order of the filings.
            #expect(CommitmentStore.reproduces(sample))
            let numbers = filings.map(\.number)
            #expect(CommitmentSample.draw(filings: numbers.reversed(), rate: Decimal(string: "0.2")!, seed: 0xC0FFEE).selected == selected)
            #expect(CommitmentSample.draw(filings: numbers.shuffled(), rate: Decimal(string: "0.2")!, seed: 0xC0FFEE).selected == selected)
            let stored = try await store.sample(sample.requireID())
            #expect(stored.selectedNumbers == selected && stored.populationNumbers == numbers.sorted())
            // The drawn filings wait for verification; the others stay filed.
            let now = try await CommitmentFilingModel.query(on: app.db).all()
            #expect(Set(now.filter { $0.status == "selected_for_verification" }.map(\.number)) == Set(selected))
            #expect(now.filter { $0.status == "filed" }.count == 8)
            // A period once drawn from is not drawn from again.
            #expect(await Self.conflict {
                _ = try await store.draw(from: Day(iso: "2026-03-15")!, to: Day(iso: "2026-03-20")!, rate: nil, seed: 1, on: drawDay, by: Self.city)
            } != nil)
            // Samples are history: the database refuses to change one.
            let sql = app.db as! any SQLDatabase
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE commitment_samples SET seed = '0000000000000001'").run()
            }

            // Verification: kept → verified; a filing not drawn cannot be found kept.
            let kept = try #require(now.first { $0.number == selected[0] })
            let breached = try #require(now.first { $0.number == selected[1] })
            let undrawn = try #require(now.first { $0.status == "filed" })
            #expect(try await store.verify(kept.requireID(), kept: true, reasons: nil, on: drawDay, by: Self.officer).statusAfter == "verified")
            #expect(await Self.conflict { _ = try await store.verify(undrawn.requireID(), kept: true, reasons: nil, on: drawDay, by: Self.officer) } != nil)
            #expect(await Self.conflict { _ = try await store.verify(kept.requireID(), kept: true, reasons: nil, on: drawDay, by: Self.officer) } != nil)
            // A breach needs its reasons.
            do {
                _ = try await store.verify(breached.requireID(), kept: false, reasons: "  ", on: drawDay, by: Self.officer)
                Issue.record("a breach without reasons went through")
            } catch RegistryError.invalid(let issues) {
                #expect(issues.map(\.path) == ["$.reasons"])
            }
            // Another district's officer does not find the filing.
            await #expect(throws: RegistryError.self) {
                _ = try await store.verify(breached.requireID(), kept: false, reasons: "x", on: drawDay, by: Self.officer, scope: .district("huangpu"))
            }

            // Breached: the filing is revoked, the project back in the reserve, the record kept for the ledger.
            let verification = try await store.verify(breached.requireID(), kept: false, reasons: "新增用地 / new land was used",
                                                      on: drawDay, by: Self.officer)
            #expect(verification.outcome == "breached" && verification.statusBefore == "selected_for_verification" && verification.statusAfter == "revoked")
            #expect(verification.projectStatusBefore == "filed" && verification.projectStatusAfter == "reserve")
            #expect(verification.applicationID == breached.$application.id && verification.creditCode == breached.creditCode)
            #expect(verification.sampleID == sample.id)
            let revoked = try await store.filing(breached.requireID())
            #expect(revoked.status == "revoked" && revoked.revokedOn == "2026-04-01" && revoked.revocationReasons == "新增用地 / new land was used")
            #expect(try await projects.project(breached.$project.id).status == "reserve")
            #expect(try await projects.project(kept.$project.id).status == "filed")
            // Revoked is final; the project may file again on a new application.
            #expect(await Self.conflict { _ = try await store.verify(breached.requireID(), kept: false, reasons: "again", on: drawDay, by: Self.officer) } != nil)
            // A breach found on a filing not drawn (reported) revokes it too.
            #expect(try await store.verify(undrawn.requireID(), kept: false, reasons: "举报属实 / a report was confirmed", on: drawDay, by: Self.officer).statusAfter == "revoked")
            await #expect(throws: (any Error).self) {
                try await sql.raw("DELETE FROM commitment_verifications").run()
            }

            // The audit trail has the draw, each selection, the verification and the revocation with the project's return.
            let entries = try await AuditEntryModel.query(on: app.db).sort(\.$seq).all()
            #expect(entries.filter { $0.action == "commitment.sample" }.count == 1)
            #expect(entries.filter { $0.action == "commitment.select" }.count == 2)
            #expect(entries.filter { $0.action == "commitment.verify" }.count == 1)
            let revocation = try #require(entries.first { $0.action == "commitment.revoke" && $0.subjectID == breached.id!.uuidString.lowercased() })
            #expect(revocation.actorName == Self.officer.name && revocation.afterJSON?.contains("new land was used") == true)
            #expect(entries.contains { $0.action == "project.status" && $0.subjectID == breached.$project.id.uuidString.lowercased()
                && $0.afterJSON?.contains("reserve") == true && $0.actorName == Self.officer.name })
            guard case .intact = try await AuditTrail.verify(on: app.db) else { Issue.record("the audit chain is broken"); return }
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRevocationLeavesAProjectFiledBeforeTheCommitmentWhereItIs(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let store = try Self.store(app)
            let projects = ProjectStore(db: app.db, engine: Engine(library: app.policyLibrary))
            let project = try await Self.project(app, code: "P-PRE")
            try await projects.setStatus(project, to: .filed, note: "filed before", by: Self.officer)
            let filing = try await store.file(applicationID: try await Self.application(app, project: project), on: Self.day, by: Self.enterprise)
            #expect(!filing.movedProject && filing.projectStatusBefore == "filed")
            let v = try await store.verify(filing.requireID(), kept: false, reasons: "breach", on: Self.day, by: Self.city)
            #expect(v.statusAfter == "revoked" && v.projectStatusAfter == nil)
            #expect(try await projects.project(project).status == "filed")
        }
    }
}
