/// One reply of an SMTP server: its three-digit code and its lines of text (several for a
/// multiline reply such as EHLO's list of extensions).
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public let code: Int
    public let lines: [String]

    public var description: String { "\(code) \(lines.joined(separator: " / "))" }

    /// 2xx and 3xx: the server goes on.
    var isPositive: Bool { (200..<400).contains(code) }

    /// One line of a reply: its code, whether more lines follow (`250-…`), and its text.
    static func parse(_ line: String) -> (code: Int, continues: Bool, text: String)? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)), (200...599).contains(code) else { return nil }
        if bytes.count == 3 { return (code, false, "") }
        let separator = bytes[3]
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else { return nil }
        return (code, separator == UInt8(ascii: "-"), String(decoding: bytes[4...], as: UTF8.self))
    }
}
