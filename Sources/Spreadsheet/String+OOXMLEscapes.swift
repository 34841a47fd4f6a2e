import Foundation

extension String {
    /// Decodes the `_xHHHH_` escapes of OOXML strings (Excel writes a carriage return as
    /// `_x000D_` and a literal `_x` as `_x005F_x`).
    var decodingOOXMLEscapes: String {
        var found = false, underscore = false
        for b in utf8 {
            if underscore && b == UInt8(ascii: "x") { found = true; break }
            underscore = b == UInt8(ascii: "_")
        }
        guard found else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: "_x") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) {
                out.unicodeScalars.append(s)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        out += rest
        return out
    }

    /// Escapes text for an OOXML string: XML's special characters, control characters as
    /// `_xHHHH_`, and a literal `_xHHHH_` pattern by escaping its underscore.
    var xmlEscapedOOXML: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        let scalars = Array(unicodeScalars)
        for (i, s) in scalars.enumerated() {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "_":
                // "_x0041_" must not read back as "A".
                if i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
                   (2...5).allSatisfy({ scalars[i + $0].properties.isASCIIHexDigit }) {
                    out += "_x005F"
                }
                out += "_"
            case "\t", "\n":
                out.unicodeScalars.append(s)
            default:
                if s.value < 0x20 || s.value == 0xFFFE || s.value == 0xFFFF {
                    let hex = String(s.value, radix: 16, uppercase: true)
                    out += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out
    }
}
