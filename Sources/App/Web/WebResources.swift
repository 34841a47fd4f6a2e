import Foundation

/// Where the pages' files are: `Resources/` of the repository (templates in `Views/`, the
/// stylesheet in `Public/`, the string catalogue). Found the way the policy library is
/// (`PolicyLibraryLoader.defaultDirectory`): `RENEWAL_WEB_DIR`, else the working directory, the
/// executable's folders upwards, this source file's upwards — so `swift run renewal serve` from
/// the repository, the built binary from anywhere, and the tests all find them.
enum WebResources {
    static func directory() -> URL? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["RENEWAL_WEB_DIR"] { return URL(fileURLWithPath: env) }
        var candidates = [URL(fileURLWithPath: fm.currentDirectoryPath)]
        var executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(executable)
            executable = executable.deletingLastPathComponent()
        }
        var source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<5 {
            source = source.deletingLastPathComponent()
            candidates.append(source)
        }
        for base in candidates {
            let dir = base.appendingPathComponent("Resources")
            if fm.fileExists(atPath: dir.appendingPathComponent("catalogue.yaml").path) { return dir }
        }
        return nil
    }
}
