import Foundation

/// The contract itself, served at /openapi.yaml: the same file the server code is generated from.
public enum APIDocument {
    public static let yaml: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }()
}
