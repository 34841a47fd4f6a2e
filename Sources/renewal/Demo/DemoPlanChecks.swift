import Foundation
import Policy
import Registry
import Workflow

/// The demonstration's projects for the checks the plan states (issue 14, item 6): a renovated
/// data centre with an IT-equipment renewal and an identified second-hand item (十四)(十五), and a
/// smart factory assessed before and after (十二), its assessment also filed as a stored version.
enum DemoPlanChecks {
    static func projects() -> [Project] {
        var dc = Project(id: "DEMO-DC-1", name: "绿色数据中心改造与IT设备更新", categories: ["technical-renovation", "equipment-renewal"],
                         applicationDate: Day(iso: "2025-07-01"), investment: Investment(declared: Money(yuanText: "36000000")))
        dc.equipment = [
            EquipmentItem(name: "高效液冷服务器机柜", quantity: 40, unitPrice: Money(yuanText: "350000")!, purchased: Day(iso: "2025-03-01"), replacesOld: true),
            EquipmentItem(name: "二手不间断电源系统", quantity: 2, unitPrice: Money(yuanText: "900000")!, purchased: Day(iso: "2025-03-15")),
        ]
        dc.loans = [Loan(id: "L1", lender: DemoAccounts.bank, principal: Money(yuanText: "20000000")!, startDate: Day(iso: "2025-04-01"),
                         endDate: Day(iso: "2028-03-31"), interestPaid: [YearAmount(year: 2025, amount: Money(yuanText: "480000")!)])]
        dc.planChecks = PlanChecks(dataCentre: DataCentre(kind: .renovated, pue: Ratio(text: "1.35")!),
                                   itEquipment: ITEquipmentRenewal(capacityKW: 3000, efficiencyGain: Ratio(text: "24%")!),
                                   secondHand: [SecondHandGrading(item: 2, grade: "2", evaluatedValue: Money(yuanText: "1700000"),
                                                                  identifiedBy: "演示设备鉴定评估所（演示数据）", reportNumber: "DEMO-JD-001",
                                                                  identifiedOn: Day(iso: "2025-03-10"))])
        var sf = Project(id: "DEMO-SF-1", name: "总装车间智能工厂建设", categories: ["smart-factory-upgrade"],
                         applicationDate: Day(iso: "2025-07-01"), investment: Investment(declared: Money(yuanText: "15000000")))
        sf.planChecks = PlanChecks(smartFactory: answers)
        return [dc, sf]
    }

    /// 30.00 (no level) before, 73.33 (advanced) after, on the shipped questionnaire.
    static let answers = SmartFactoryAnswers(
        before: ["Q1": "b", "Q2": "b", "Q3": "b", "Q4": "c", "Q5": "b", "Q6": "b", "Q7": "a", "Q8": "a"],
        after: ["Q1": "d", "Q2": "c", "Q3": "c", "Q4": "d", "Q5": "c", "Q6": "c", "Q7": "b", "Q8": "c"])
}
