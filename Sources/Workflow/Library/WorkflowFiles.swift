import Foundation
import Policy

/// Reads the workflow folder's YAML files into nodes; a file that cannot be read or parsed is a
/// problem of the load, named by file.
struct WorkflowFiles {
    let directory: URL
    let log: WorkflowNode.Log

    func node(_ name: String) -> WorkflowNode? {
        let url = directory.appendingPathComponent(name)
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            return WorkflowNode(value: try JSONValue.parseYAML(text), file: name, path: "$", log: log)
        } catch {
            log.add(name, "$", zh: "无法读取：\(error)", en: "cannot read: \(error)")
            return nil
        }
    }

    /// `calendars/YYYY.yaml`, by year; other names in the folder are problems, not ignored.
    func calendarFiles() -> [(year: Int, node: WorkflowNode)] {
        let folder = directory.appendingPathComponent("calendars")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var out: [(Int, WorkflowNode)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let file = "calendars/\(name)"
            guard name.hasSuffix(".yaml"), let year = Int(name.dropLast(5)), name.count == 9 else {
                log.add(file, "$", zh: "日历文件应命名为 YYYY.yaml", en: "a calendar file is named YYYY.yaml")
                continue
            }
            if let n = node(file) { out.append((year, n)) }
        }
        return out
    }
}
