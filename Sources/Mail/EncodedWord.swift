import Foundation

/// A header text as RFC 2047 encoded words (`=?UTF-8?B?…?=`) when it is not plain printable
/// ASCII: a subject in Chinese must reach every mail client intact, and 7-bit headers are the
/// only ones every relay passes through unchanged.
enum EncodedWord {
    /// An encoded word is at most 75 characters; `=?UTF-8?B?` and `?=` take 12, which leaves 63
    /// for base64, i.e. 45 bytes of text (a multiple of 3, so no padding inside a word).
    static let maxBytesPerWord = 45

    /// The header's value: the text itself when it is printable ASCII and short, else encoded
    /// words folded onto continuation lines (CRLF + space), each word holding whole characters
    /// only — so no header line comes near SMTP's 998 bytes either.
    static func encode(_ text: String) -> String {
        if text.utf8.count <= 900, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            // Line breaks and other controls have no place in a header: a space instead.
            let bytes = character.isNewline || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
                ? [UInt8(ascii: " ")] : Array(String(character).utf8)
            if chunk.count + bytes.count > maxBytesPerWord, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}
