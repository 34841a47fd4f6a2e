import Foundation

/// The scanner's buffer during a call to a handler, with the current tag's attributes.
struct XMLView {
    let bytes: UnsafeBufferPointer<UInt8>
    let attributes: [(name: Range<Int>, value: Range<Int>)]

    /// The name without its namespace prefix.
    func localName(_ range: Range<Int>) -> Range<Int> {
        var i = range.upperBound
        while i > range.lowerBound {
            if bytes[i - 1] == UInt8(ascii: ":") { return i..<range.upperBound }
            i -= 1
        }
        return range
    }

    func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        let local = localName(range)
        guard local.count == literal.utf8CodeUnitCount else { return false }
        let lit = literal.utf8Start
        var k = 0
        for i in local {
            if bytes[i] != lit[k] { return false }
            k += 1
        }
        return true
    }

    /// The attribute's raw value range, by local name.
    func attribute(_ name: StaticString) -> Range<Int>? {
        for a in attributes where equals(a.name, name) { return a.value }
        return nil
    }

    /// An attribute's value, entities decoded.
    func attributeText(_ name: StaticString) -> String? {
        attribute(name).map { decode($0) }
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    func int(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var v = 0
        for i in range {
            let b = bytes[i]
            guard b >= 0x30 && b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }

    /// Text with the five XML entities and character references decoded.
    func decode(_ range: Range<Int>) -> String {
        var ampersand = false
        for i in range where bytes[i] == UInt8(ascii: "&") { ampersand = true; break }
        if !ampersand { return string(range) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            var semi = -1
            if b == UInt8(ascii: "&") {
                var k = i + 1
                while k < min(range.upperBound, i + 12) { if bytes[k] == UInt8(ascii: ";") { semi = k; break }; k += 1 }
            }
            guard semi > 0 else {
                out.append(b)
                i += 1
                continue
            }
            let entity = string((i + 1)..<semi)
            var replacement: [UInt8]?
            switch entity {
            case "lt": replacement = [UInt8(ascii: "<")]
            case "gt": replacement = [UInt8(ascii: ">")]
            case "amp": replacement = [UInt8(ascii: "&")]
            case "quot": replacement = [UInt8(ascii: "\"")]
            case "apos": replacement = [UInt8(ascii: "'")]
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
                    replacement = Array(String(Character(s)).utf8)
                } else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let s = Unicode.Scalar(v) {
                    replacement = Array(String(Character(s)).utf8)
                }
            }
            if let replacement {
                out.append(contentsOf: replacement)
                i = semi + 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
