import Foundation
import Policy
import Simulation

/// Writes a simulation's files: the CSV tables, summary.json and chart.svg.
enum SimulationOutput {
    static func write(_ baseline: SimulationResult, reforms: [ReformComparison], to folder: String, language: Language) throws {
        let dir = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in SimulationCSV.files(baseline, reforms: reforms) {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        struct Output: Encodable { var baseline: SimulationResult; var reforms: [ReformComparison] }
        try PlanJSON.encoder().encode(Output(baseline: baseline, reforms: reforms)).write(to: dir.appendingPathComponent("summary.json"))
        try Data(CostChart.svg(baseline, reforms: reforms, language: language).utf8).write(to: dir.appendingPathComponent("chart.svg"))
    }
}
