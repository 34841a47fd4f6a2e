/// `Content-Disposition: attachment` for a file name that may be Chinese (RFC 6266): an ASCII
/// `filename=` for old clients (other characters as `_`), and `filename*=UTF-8''…` with the
/// name percent-encoded (RFC 8187), which browsers and `curl -OJ` prefer.
enum ContentDisposition {
    static func attachment(_ name: String) -> String {
        let ascii = name.unicodeScalars.map { s -> String in
            s.isASCII && s.value >= 0x20 && s != "\"" && s != "\\" && s != "%" && s != "/" ? String(s) : "_"
        }.joined()
        var encoded = ""
        for byte in name.utf8 {
            if isAttrChar(byte) { encoded.append(Character(Unicode.Scalar(byte))) } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    /// RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
    static func isAttrChar(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: "-"),
             UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): true
        default: false
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
