import Foundation

/// A small incremental XML tokenizer over UTF-8 bytes for the parts of an .xlsx package: start
/// and end tags with attributes, character data, CDATA, comments, processing instructions and a
/// DOCTYPE without an internal subset. Namespace prefixes are kept in names (compare local
/// names). Bytes are fed in chunks as they are decompressed; a token cut by a chunk's end waits
/// for the next chunk. It checks no more well-formedness than it needs to find tokens.
///
/// Used instead of Foundation's `XMLParser` for worksheets and shared strings because it makes
/// no object per element: a million-row sheet has tens of millions of them.
public struct XMLScanner {
    public struct Malformed: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
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
