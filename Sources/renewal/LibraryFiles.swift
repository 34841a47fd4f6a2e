import ArgumentParser
import Foundation
import Policy
import Workflow

/// The list library's recognitions and the scenario designations for `renewal match`, as JSON
/// arrays of the engine's own entries (`RecognitionEntry`, `DesignationEntry`): what the server
/// takes from its store, given by hand. A bad file is refused with the path of the bad value.
enum LibraryFiles {
    static let maxBytes = 16 << 20
    static let maxEntries = 100_000

    static func read<T: Decodable>(_ path: String, as: T.Type, what: String) throws -> [T] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        guard data.count <= maxBytes else { throw ValidationError("\(what): \(path) is over 16 MB / 文件超过 16 MB") }
        do {
            let entries = try JSONDecoder().decode([T].self, from: data)
            guard entries.count <= maxEntries else { throw ValidationError("\(what): more than \(maxEntries) entries / 条目过多") }
            return entries
        } catch let error as DecodingError {
            throw ValidationError("\(what) refused / 文件无效: \(describe(error))")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            "$" + keys.map { k in k.intValue.map { "[\($0)]" } ?? ".\(k.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let c): return "\(path(c.codingPath + [key])): missing / 缺少"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): return "\(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    /// `[{"key", "name", "kind", "year", "edition", "editionTitle", "publishedOn", "enterpriseCode"?}, …]`.
    static func recognitions(_ path: String) throws -> RecognitionSnapshot {
        RecognitionSnapshot(entries: try read(path, as: RecognitionEntry.self, what: "--recognitions"))
    }

    /// `[{"taskId", "taskTitle", "batch", "field", "creditCode", "projectCode"?, "designatedOn", "fieldCategory"?}, …]`;
    /// a field's category, when not given, is the one `workflow/scenarios.yaml` gives the field.
    static func designations(_ path: String, policyFolder: String?, library: PolicyLibrary) throws -> DesignationSnapshot {
        var entries = try read(path, as: DesignationEntry.self, what: "--designations")
        if entries.contains(where: { $0.fieldCategory == nil }),
           let dir = policyFolder.map({ URL(fileURLWithPath: $0) }) ?? PolicyLibraryLoader.defaultDirectory(),
           let workflow = try? WorkflowLibrary.load(directory: dir.appendingPathComponent("workflow"), policy: library) {
            for i in entries.indices where entries[i].fieldCategory == nil {
                entries[i].fieldCategory = workflow.scenarios.field(entries[i].field)?.category
            }
        }
        return DesignationSnapshot(entries: entries)
    }
}
