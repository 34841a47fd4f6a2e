/// The DATA section's transparency (RFC 5321 §4.5.2): a line of the message that begins with a
/// dot gets a second one, so that no line of the text can end the mail early; the receiver
/// removes it again.
enum DotStuffing {
    /// `lines` without their line ends; the result is what is sent after DATA's 354, ending with
    /// the lone dot that closes the mail.
    static func data(_ lines: [String]) -> String {
        var out = ""
        for line in lines {
            if line.hasPrefix(".") { out += "." }
            out += line
            out += "\r\n"
        }
        out += ".\r\n"
        return out
    }
}
