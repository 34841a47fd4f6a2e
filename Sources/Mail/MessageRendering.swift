import Foundation

/// A message as the lines of its DATA section: RFC 5322 headers, then the body in UTF-8 —
/// as it is (8bit) when the server announced 8BITMIME and no line is longer than SMTP allows,
/// else in base64, which every server takes.
enum MessageRendering {
    /// RFC 5321's limit on a line, without its CRLF.
    static let maxLineBytes = 998

    static func lines(of message: MailMessage, eightBit: Bool) -> (lines: [String], usesEightBit: Bool) {
        // CRLF, CR and LF alike end a line (Swift counts "\r\n" as one character).
        let bodyLines = message.body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let fits = bodyLines.allSatisfy { $0.utf8.count <= maxLineBytes }
        let sendsEightBit = eightBit && fits
        var lines = [
            "Date: \(rfc5322Date(message.date))",
            "From: <\(message.from)>",
            "To: <\(message.to)>",
            "Message-ID: <\(message.messageID)>",
        ]
        lines += ("Subject: " + EncodedWord.encode(message.subject)).components(separatedBy: "\r\n")
        lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8"]
        if sendsEightBit {
            lines += ["Content-Transfer-Encoding: 8bit", ""]
            lines += bodyLines
        } else {
            lines += ["Content-Transfer-Encoding: base64", ""]
            let encoded = Data(bodyLines.joined(separator: "\r\n").utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            lines += encoded.components(separatedBy: "\r\n")
        }
        return (lines, sendsEightBit)
    }

    /// `Tue, 01 Dec 2026 11:38:44 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
