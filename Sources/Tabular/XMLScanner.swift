import Foundation
import Policy

/// What `XMLScanner` reports. The view's bytes are valid during the call only.
protocol XMLHandler {
    /// A start tag; its attributes are in `view.attributes`. Self-closing tags are followed by
    /// an `end` call.
    mutating func start(_ view: XMLView, name: Range<Int>) throws
    mutating func end(_ view: XMLView, name: Range<Int>) throws
    /// Character data (entities not yet decoded unless `cdata`).
    mutating func text(_ view: XMLView, _ range: Range<Int>, cdata: Bool) throws
}

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

/// A small incremental XML tokenizer over UTF-8 bytes for the parts of an .xlsx package: start
/// and end tags with attributes, character data, CDATA, comments, processing instructions and a
/// DOCTYPE without an internal subset. Namespace prefixes are kept in names (compare local
/// names). Bytes are fed in chunks as they are decompressed; a token cut by a chunk's end waits
/// for the next chunk. It checks no more well-formedness than it needs to find tokens.
///
/// Used instead of Foundation's `XMLParser` for worksheets and shared strings because it makes
/// no object per element: a million-row sheet has tens of millions of them.
struct XMLScanner {
    struct Malformed: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private var buffer: [UInt8] = []
    private var position = 0
    private var attributes: [(name: Range<Int>, value: Range<Int>)] = []

    /// Adds bytes and reports every complete token.
    mutating func feed<H: XMLHandler>(_ data: Data, _ handler: inout H) throws {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        buffer.append(contentsOf: data)
        try scan(&handler, final: false)
    }

    /// Reports what is left at the end of the input.
    mutating func finish<H: XMLHandler>(_ handler: inout H) throws {
        try scan(&handler, final: true)
    }

    /// Scans a whole document in memory.
    static func scan<H: XMLHandler>(_ data: Data, _ handler: inout H) throws {
        var scanner = XMLScanner()
        try scanner.feed(data, &handler)
        try scanner.finish(&handler)
    }

    static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    static let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
    static let piClose = Array("?>".utf8)

    private mutating func scan<H: XMLHandler>(_ handler: inout H, final: Bool) throws {
        var attributes = self.attributes
        self.attributes = []
        defer { self.attributes = attributes }
        let start = position
        var position = start
        defer { self.position = position }
        try buffer.withUnsafeBufferPointer { p in
            try Self.scan(p, &position, &attributes, &handler, final: final)
        }
    }

    private static func find(_ p: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], from: Int) -> Int? {
        let count = p.count, n = pattern.count
        guard count >= n else { return nil }
        var i = from
        let first = pattern[0]
        while i <= count - n {
            if p[i] == first {
                var k = 1
                while k < n && p[i + k] == pattern[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    private static func find(_ p: UnsafeBufferPointer<UInt8>, _ byte: UInt8, from: Int) -> Int? {
        var i = from
        while i < p.count {
            if p[i] == byte { return i }
            i += 1
        }
        return nil
    }

    private static func hasPrefix(_ p: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], at i: Int) -> Bool {
        guard i + pattern.count <= p.count else { return false }
        for k in 0..<pattern.count where p[i + k] != pattern[k] { return false }
        return true
    }

    private static func scan<H: XMLHandler>(_ p: UnsafeBufferPointer<UInt8>, _ position: inout Int,
                                            _ attributes: inout [(name: Range<Int>, value: Range<Int>)],
                                            _ handler: inout H, final: Bool) throws {
        let count = p.count
        func incomplete() throws {
            if final { throw Malformed(message: "unexpected end of XML") }
        }
        while position < count {
            if p[position] != lt {
                // Character data up to the next tag.
                var stop = position
                while stop < count && p[stop] != lt { stop += 1 }
                if stop == count && !final { return }
                try handler.text(XMLView(bytes: p, attributes: []), position..<stop, cdata: false)
                position = stop
                continue
            }
            guard position + 1 < count else { return try incomplete() }
            let next = p[position + 1]
            if next == UInt8(ascii: "!") {
                if hasPrefix(p, commentOpen, at: position) {
                    guard let close = find(p, commentClose, from: position + 4) else { return try incomplete() }
                    position = close + 3
                } else if hasPrefix(p, cdataOpen, at: position) {
                    guard let close = find(p, cdataClose, from: position + 9) else { return try incomplete() }
                    try handler.text(XMLView(bytes: p, attributes: []), (position + 9)..<close, cdata: true)
                    position = close + 3
                } else if count - position < cdataOpen.count && !final {
                    return // might be a comment or CDATA cut short
                } else {
                    guard let close = find(p, gt, from: position + 2) else { return try incomplete() }
                    position = close + 1
                }
                continue
            }
            if next == UInt8(ascii: "?") {
                guard let close = find(p, piClose, from: position + 2) else { return try incomplete() }
                position = close + 2
                continue
            }
            if next == slash {
                guard let close = find(p, gt, from: position + 2) else { return try incomplete() }
                var nameEnd = position + 2
                while nameEnd < close && !isSpace(p[nameEnd]) { nameEnd += 1 }
                try handler.end(XMLView(bytes: p, attributes: []), name: (position + 2)..<nameEnd)
                position = close + 1
                continue
            }
            // A start tag: name, then attributes whose quoted values may hold '>'.
            var i = position + 1
            let nameStart = i
            while i < count && !isSpace(p[i]) && p[i] != gt && p[i] != slash { i += 1 }
            let name = nameStart..<i
            attributes.removeAll(keepingCapacity: true)
            var close = -1, selfClosing = false
            while true {
                while i < count && isSpace(p[i]) { i += 1 }
                guard i < count else { break }
                let b = p[i]
                if b == gt { close = i; break }
                if b == slash {
                    guard i + 1 < count else { break }
                    guard p[i + 1] == gt else { throw Malformed(message: "malformed tag") }
                    close = i + 1
                    selfClosing = true
                    break
                }
                let attrStart = i
                while i < count && p[i] != UInt8(ascii: "=") && !isSpace(p[i]) && p[i] != gt { i += 1 }
                let attrName = attrStart..<i
                while i < count && isSpace(p[i]) { i += 1 }
                guard i < count else { break }
                guard p[i] == UInt8(ascii: "=") else { throw Malformed(message: "attribute without a value") }
                i += 1
                while i < count && isSpace(p[i]) { i += 1 }
                guard i < count else { break }
                let quote = p[i]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw Malformed(message: "attribute value without quotes")
                }
                i += 1
                let valueStart = i
                while i < count && p[i] != quote { i += 1 }
                guard i < count else { break }
                attributes.append((attrName, valueStart..<i))
                i += 1
            }
            guard close >= 0 else { return try incomplete() }
            let view = XMLView(bytes: p, attributes: attributes)
            try handler.start(view, name: name)
            if selfClosing { try handler.end(view, name: name) }
            position = close + 1
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
}

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
