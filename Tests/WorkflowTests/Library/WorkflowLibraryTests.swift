import Foundation
import Testing
import Policy
@testable import Workflow

@Suite struct WorkflowLibraryTests {
    @Test func theShippedDataLoadsAndCoversEveryCityInstrument() throws {
        let w = try WorkflowLibrary.loadDefault(policy: Fixtures.policy)
        let city = Fixtures.policy.cityInstruments.map(\.id)
        #expect(city == ["5", "7a", "7b", "7c", "10a", "10b", "12", "13", "16", "17a", "17b", "17c", "18"])
        for id in city {
            #expect(!(w.materials.instruments[id] ?? []).isEmpty, "\(id) has a checklist")
            #expect(!w.roster.requiredDepartments(for: [id]).isEmpty, "\(id) has reviewers")
        }
        #expect(w.materials.notAppliedHere == ["N1", "N2", "N3", "N4"])
        #expect(w.materials.notAppliedReason?.zh.contains("不在本平台申报") == true)
        #expect(w.roster.departments.map(\.name.zh) == ["市审改办", "市发展改革委", "市经济信息化委", "市规划资源局",
                                                         "市生态环境局", "市住房城乡建设管理委", "市财政局"])
        #expect(w.roster.escalateTo == .cityOfficer)
        #expect(w.process.deferral.dueDays == 30 && w.process.deferral.remindDaysBefore == [7, 1])
        #expect(w.process.commitmentFiling.sampleRate == Decimal(string: "0.2"))
        #expect(w.roster.greenChannel?.department == "ecology-environment")
        // Every item's clause is one of the plan's.
        for item in w.materials.items.values { #expect(Fixtures.policy.clauses[item.clause] != nil) }
    }

    // MARK: broken copies

    /// Copies the shipped workflow folder to a temporary one, applies `edit` to one file's text,
    /// and returns the problems the load reports.
    func problems(editing file: String, _ edit: (String) -> String) throws -> [WorkflowLibraryError] {
        let fm = FileManager.default
        let source = try #require(WorkflowLibrary.defaultDirectory())
        let copy = fm.temporaryDirectory.appendingPathComponent("workflow-\(UUID().uuidString)")
        try fm.copyItem(at: source, to: copy)
        defer { try? fm.removeItem(at: copy) }
        let url = copy.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text, "the edit changed \(file)")
        try edited.write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try WorkflowLibrary.load(directory: copy, policy: Fixtures.policy)
            return []
        } catch {
            return error.errors
        }
    }

    func expectProblem(_ errors: [WorkflowLibraryError], file: String, path: String, en: String, zh: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let hit = errors.first { $0.file == file && $0.path == path && $0.message.en.contains(en) && $0.message.zh.contains(zh) }
        #expect(hit != nil, "expected \(file) \(path): \(en) among \(errors)", sourceLocation: sourceLocation)
    }

    @Test func aCriticalItemIsNeverDeferrable() throws {
        let errors = try problems(editing: "materials.yaml") {
            $0.replacingOccurrences(of: "    kind: critical\n    content: [pdf]\n  loan-disbursement:",
                                    with: "    kind: critical\n    content: [pdf]\n    due_days: 10\n  loan-disbursement:")
        }
        expectProblem(errors, file: "materials.yaml", path: "$.items.loan-contract.due_days", en: "never deferrable", zh: "关键材料不得容缺")
    }

    @Test func aCityInstrumentWithoutChecklistIsNamed() throws {
        let errors = try problems(editing: "materials.yaml") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  \"13\":") }.joined(separator: "\n")
        }
        expectProblem(errors, file: "materials.yaml", path: "$.instruments", en: "instrument 13 is missing", zh: "缺少政策13")
    }

    @Test func aNationalInstrumentHasNoChecklist() throws {
        let errors = try problems(editing: "materials.yaml") { $0 + "  \"N1\": [application-form]\n" }
        expectProblem(errors, file: "materials.yaml", path: "$.instruments.N1", en: "national instrument", zh: "国家政策")
    }

    @Test func undefinedItemsUnknownContentAndClauses() throws {
        let errors = try problems(editing: "materials.yaml") {
            $0.replacingOccurrences(of: "\"5\":  [application-form,", with: "\"5\":  [application-form, no-such-item,")
              .replacingOccurrences(of: "content: [pdf, image]\n  credit-commitment:", with: "content: [pdf, docx]\n  credit-commitment:")
              .replacingOccurrences(of: "label: {zh: 营业执照, en: business licence}\n    clause: 八", with: "label: {zh: 营业执照, en: business licence}\n    clause: 二十二")
        }
        expectProblem(errors, file: "materials.yaml", path: "$.instruments.5[1]", en: "undefined item 'no-such-item'", zh: "未定义的材料")
        expectProblem(errors, file: "materials.yaml", path: "$.items.business-licence.content[1]", en: "unknown content kind: docx", zh: "未知文件类型")
        expectProblem(errors, file: "materials.yaml", path: "$.items.business-licence.clause", en: "clause '二十二' is not in clauses.yaml", zh: "条款")
    }

    @Test func departmentsMustExist() throws {
        let errors = try problems(editing: "departments.yaml") {
            $0.replacingOccurrences(of: "\"12\":  [economy-informatization, finance]", with: "\"12\":  [economy-informatization, emergency-management]")
              .replacingOccurrences(of: "escalate_to: city_officer", with: "escalate_to: mayor")
        }
        expectProblem(errors, file: "departments.yaml", path: "$.required.12[1]", en: "undefined department 'emergency-management'", zh: "未定义的部门")
        expectProblem(errors, file: "departments.yaml", path: "$.escalate_to", en: "unknown role: mayor", zh: "未知角色")
    }

    @Test func theGreenChannelIsShorter() throws {
        let errors = try problems(editing: "departments.yaml") {
            $0.replacingOccurrences(of: "department: ecology-environment\n  working_days: 7", with: "department: ecology-environment\n  working_days: 20")
        }
        expectProblem(errors, file: "departments.yaml", path: "$.green_channel.working_days", en: "shorter than the department's own (15", zh: "绿色通道时限")
    }

    @Test func processValues() throws {
        let errors = try problems(editing: "process.yaml") {
            $0.replacingOccurrences(of: "sample_rate: \"0.20\"", with: "sample_rate: \"1.5\"")
              .replacingOccurrences(of: "remind_days_before: [7, 1]", with: "remind_days_before: [40, 1]")
        }
        expectProblem(errors, file: "process.yaml", path: "$.commitment_filing.sample_rate", en: "decimal from 0 to 1", zh: "抽查比例")
        let more = try problems(editing: "process.yaml") {
            $0.replacingOccurrences(of: "remind_days_before: [7, 1]", with: "remind_days_before: [40, 1]")
              .replacingOccurrences(of: "commitment_item: commitment-letter", with: "commitment_item: audited-financials")
        }
        expectProblem(more, file: "process.yaml", path: "$.deferral.remind_days_before", en: "not inside the due period", zh: "提醒")
        expectProblem(more, file: "process.yaml", path: "$.commitment_filing.commitment_item", en: "must be a critical item", zh: "关键材料")
    }

    @Test func calendarDaysAreRealDatesInTheirYear() throws {
        let errors = try problems(editing: "calendars/2025.yaml") {
            $0.replacingOccurrences(of: "from: 2025-04-04, to: 2025-04-06", with: "from: 2025-02-30, to: 2025-04-06")
              .replacingOccurrences(of: "from: 2025-05-01, to: 2025-05-05", with: "from: 2024-05-01, to: 2025-05-05")
        }
        expectProblem(errors, file: "calendars/2025.yaml", path: "$.holidays[2].from", en: "not a real date (YYYY-MM-DD): 2025-02-30", zh: "不是有效日期")
        expectProblem(errors, file: "calendars/2025.yaml", path: "$.holidays[3].from", en: "2024-05-01 is not in 2025", zh: "不在2025年内")
    }

    @Test func noDayIsBothHolidayAndMakeUp() throws {
        let errors = try problems(editing: "calendars/2024.yaml") {
            $0.replacingOccurrences(of: "make_up_working_days: [2024-02-04,", with: "make_up_working_days: [2024-02-11, 2024-03-06, 2024-02-04,")
        }
        expectProblem(errors, file: "calendars/2024.yaml", path: "$.make_up_working_days[0]", en: "both a holiday and a make-up working day", zh: "既是假日又是调休上班日")
        expectProblem(errors, file: "calendars/2024.yaml", path: "$.make_up_working_days[1]", en: "not a weekend day", zh: "不是周末")
    }

    @Test func aCalendarFileNamesItsYear() throws {
        let errors = try problems(editing: "calendars/2026.yaml") { $0.replacingOccurrences(of: "year: 2026", with: "year: 2027") }
        expectProblem(errors, file: "calendars/2026.yaml", path: "$.year", en: "does not match the file name 2026.yaml", zh: "与文件名")
    }

    @Test func errorsReadInBothLanguages() {
        let e = WorkflowLibraryError(file: "materials.yaml", path: "$.items", message: LocalizedText(zh: "中", en: "en"))
        #expect(e.description == "materials.yaml $.items: 中 / en")
    }
}
