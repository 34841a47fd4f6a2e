import Crypto
import Foundation

/// The version of a policy library as decisions record it: SHA-256 over every file of its folder
/// (relative path and content, in path order), so that any edit — a ratio, a checklist item, a
/// holiday — gives another version, and the same files always the same one.
public enum LibraryFingerprint {
    public static func of(directory: URL) throws -> String {
        let fm = FileManager.default
        let base = directory.standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = fm.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        var files: [(path: String, url: URL)] = []
        for case let url as URL in walker {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            files.append((String(full.dropFirst(base.path.count)), url))
        }
        var hasher = SHA256()
        for file in files.sorted(by: { $0.path < $1.path }) {
            let content = try Data(contentsOf: file.url)
            hasher.update(data: Data("\(file.path.utf8.count):\(file.path);\(content.count):".utf8))
            hasher.update(data: content)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
