/// The checks the plan states that a condition of the library can name (`plan_check:`), each
/// read from the project's `planChecks` object. A project that declares nothing for a check is
/// not failed by it: the check holds and says "not declared" (the plan's sentences speak of
/// projects that have a data centre, renew IT equipment, buy second-hand equipment).
public enum PlanCheckKind: String, Sendable, CaseIterable, Codable {
    /// (十四) a new data centre's PUE at most `new`, a renovated one's at most `renovated`.
    case dataCentrePUE = "data_centre_pue"
    /// (十四) an IT-equipment renewal's efficiency gain at least `gain` (能效提升20%以上).
    case itEfficiencyGain = "it_efficiency_gain"
    /// (十二) the smart-factory questionnaire after the project reaches a higher level than before.
    case smartFactoryRose = "smart_factory_rose"
    /// (十五) every second-hand item graded on the scale, identified where its grade needs it,
    /// and of a supportable grade.
    case secondHandGraded = "second_hand_graded"

    /// The clause whose sentence the check applies, cited in every explanation.
    public var clause: String {
        switch self {
        case .dataCentrePUE, .itEfficiencyGain: return "十四"
        case .smartFactoryRose: return "十二"
        case .secondHandGraded: return "十五"
        }
    }

    /// The ratio parameters a condition of this kind names, by role.
    public var thresholdRoles: [String] {
        switch self {
        case .dataCentrePUE: return ["new", "renovated"]
        case .itEfficiencyGain: return ["gain"]
        case .smartFactoryRose, .secondHandGraded: return []
        }
    }
}

/// A check with its thresholds as in force on the day, and the library's questionnaire and
/// grading scale: what the engine and the batch engine both call, so they cannot disagree.
struct ResolvedPlanCheck: Sendable {
    var kind: PlanCheckKind
    /// Ratio thresholds by role; a role whose parameter is not set is absent.
    var thresholds: [String: Ratio]
    var questionnaire: SmartFactoryQuestionnaire?
    var scale: SecondHandScale?

    enum Outcome {
        case notDeclared
        case held(LocalizedText)
        case failed(LocalizedText)
    }

    func outcome(_ checks: PlanChecks?, equipment: [EquipmentItem]) -> Outcome {
        switch kind {
        case .dataCentrePUE:
            guard let dc = checks?.dataCentre else { return .notDeclared }
            let role = dc.kind == .new ? "new" : "renovated"
            let kindText = dc.kind == .new ? LocalizedText(zh: "新建数据中心", en: "new data centre")
                                           : LocalizedText(zh: "改造后数据中心", en: "renovated data centre")
            guard let limit = thresholds[role] else {
                return .failed(LocalizedText(zh: "\(kindText.zh)的PUE门槛未设定", en: "the PUE threshold of a \(kindText.en) is not set"))
            }
            let text = LocalizedText(zh: "\(kindText.zh) PUE \(dc.pue.decimalString)（不高于 \(limit.decimalString)）",
                                     en: "\(kindText.en) PUE \(dc.pue.decimalString) (at most \(limit.decimalString))")
            return dc.pue <= limit ? .held(text) : .failed(text)
        case .itEfficiencyGain:
            guard let it = checks?.itEquipment else { return .notDeclared }
            guard let limit = thresholds["gain"] else {
                return .failed(LocalizedText(zh: "能效提升门槛未设定", en: "the efficiency-gain threshold is not set"))
            }
            let text = LocalizedText(zh: "IT设备更新能效提升 \(it.efficiencyGain.percent)（\(limit.percent)以上）",
                                     en: "IT-equipment renewal efficiency gain \(it.efficiencyGain.percent) (at least \(limit.percent))")
            return it.efficiencyGain >= limit ? .held(text) : .failed(text)
        case .smartFactoryRose:
            guard let answers = checks?.smartFactory else { return .notDeclared }
            guard let q = questionnaire else {
                return .failed(LocalizedText(zh: "政策库无智能工厂评估问卷", en: "the policy library has no smart-factory questionnaire"))
            }
            let before = q.score(answers.before), after = q.score(answers.after)
            let text = LocalizedText(
                zh: "评估得分 \(before.text)（\(before.levelName.zh)）→ \(after.text)（\(after.levelName.zh)）",
                en: "assessment score \(before.text) (\(before.levelName.en)) → \(after.text) (\(after.levelName.en))")
            return after.rank > before.rank ? .held(text) : .failed(text)
        case .secondHandGraded:
            guard let items = checks?.secondHand, !items.isEmpty else { return .notDeclared }
            guard let scale else {
                return .failed(LocalizedText(zh: "政策库无二手设备分级标准", en: "the policy library has no second-hand grading scale"))
            }
            for g in items {
                let name = g.item <= equipment.count ? equipment[g.item - 1].name : "#\(g.item)"
                guard let grade = scale.grade(g.grade) else {
                    return .failed(LocalizedText(zh: "二手设备“\(name)”的等级 \(g.grade) 不在分级标准内",
                                                 en: "second-hand item “\(name)”: grade \(g.grade) is not on the scale"))
                }
                if grade.needsIdentification && !g.isIdentified {
                    return .failed(LocalizedText(zh: "二手设备“\(name)”为\(grade.name.zh)，须有鉴定机构、报告编号和鉴定日期",
                                                 en: "second-hand item “\(name)” is graded \(grade.name.en) and needs its identifying body, report number and date"))
                }
                if !grade.supportable {
                    return .failed(LocalizedText(zh: "二手设备“\(name)”为\(grade.name.zh)，不纳入支持",
                                                 en: "second-hand item “\(name)” is graded \(grade.name.en), which is not supported"))
                }
            }
            return .held(LocalizedText(zh: "\(items.count) 台（套）二手设备已分级并鉴定",
                                       en: "\(items.count) second-hand item(s) graded and identified"))
        }
    }
}
