import Crypto
import Foundation

/// The secrets of tokens and sessions: 32 random bytes, written URL-safe with a prefix that says
/// what they are (`rnw_` a token, `rns_` a session) so a leaked one is recognised in a log or a
/// scanner. Only their SHA-256 is stored.
enum Secrets {
    static func newToken() -> String { "rnw_" + random() }
    static func newSession() -> String { "rns_" + random() }

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Lower-case hex SHA-256: what the database keeps and looks up.
    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
