/// JSON written straight into bytes, for answers that go out many times a second: no tree is
/// built and nothing is encoded twice. The writer keeps track of commas itself, so callers only
/// say what comes next (a key, a value, an object or array opening or closing).
///
/// Strings are escaped as RFC 8259 requires (quote, backslash, control characters); everything
/// else, Chinese included, is written as UTF-8.
public struct JSONOutput: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Whether the container being written already has a member (so the next needs a comma).
    private var hasMember: [Bool] = []
    /// A key was just written: the value that follows needs no comma.
    private var afterKey = false

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    // MARK: Containers

    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); hasMember.append(false) }
    public mutating func endObject() { hasMember.removeLast(); bytes.append(UInt8(ascii: "}")) }
    public mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); hasMember.append(false) }
    public mutating func endArray() { hasMember.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// The key of the next member of the current object.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// A key that is not known at compile time (escaped like any string).
    public mutating func key(dynamic name: String) {
        separate()
        quote(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    // MARK: Values

    public mutating func string(_ s: String) { separate(); quote(s) }
    public mutating func bool(_ b: Bool) { separate(); append(b ? "true" : "false") }
    public mutating func null() { separate(); append("null") }
    public mutating func int(_ n: Int) { separate(); append(String(n)) }
    /// A number given as its literal text (already valid JSON).
    public mutating func number(literal: String) { separate(); append(literal) }
    /// Text known to be plain ASCII with nothing to escape (decimal strings, dates, enum names).
    public mutating func plainString(_ s: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: s.utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    /// An amount as its decimal string (`"1234.50"`, as `Money.decimalString`), digits written
    /// straight into the bytes: a plan has hundreds of amounts.
    public mutating func money(_ m: Money) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        if m.fen < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = m.fen.magnitude
        appendDigits(magnitude / 100)
        bytes.append(UInt8(ascii: "."))
        let cents = magnitude % 100
        bytes.append(UInt8(ascii: "0") + UInt8(cents / 10))
        bytes.append(UInt8(ascii: "0") + UInt8(cents % 10))
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendDigits(_ n: UInt64) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = n
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// Bytes that are already one complete JSON value (e.g. a value serialized earlier).
    public mutating func raw(_ json: [UInt8]) { separate(); bytes.append(contentsOf: json) }

    // MARK: Keyed shorthands (a nil optional writes nothing, as Codable's synthesized encoding does)

    public mutating func member(_ name: StaticString, _ value: String) { key(name); string(value) }
    public mutating func member(_ name: StaticString, _ value: String?) { if let value { key(name); string(value) } }
    public mutating func member(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    public mutating func member(_ name: StaticString, _ value: Bool?) { if let value { key(name); bool(value) } }
    public mutating func member(_ name: StaticString, _ value: Int) { key(name); int(value) }
    public mutating func member(_ name: StaticString, _ value: Int?) { if let value { key(name); int(value) } }

    // MARK: Internals

    private mutating func separate() {
        if afterKey { afterKey = false; return }
        guard let last = hasMember.indices.last else { return }
        if hasMember[last] { bytes.append(UInt8(ascii: ",")) } else { hasMember[last] = true }
    }

    private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func quote(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                switch b {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
