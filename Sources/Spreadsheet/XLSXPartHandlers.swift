import Foundation

/// Collects the attributes of every element with a given local name.
struct AttributeCollector: XMLHandler {
    let element: StaticString
    let names: [String]
    var also: (element: StaticString, names: [String])?
    var found: [[String: String]] = []
    var alsoFound: [String: String] = [:]

    init(element: StaticString, names: [String], also: (StaticString, [String])? = nil) {
        self.element = element
        self.names = names
        self.also = also.map { (element: $0.0, names: $0.1) }
    }

    mutating func start(_ s: XMLView, name: Range<Int>) throws {
        if s.equals(name, element) {
            found.append(collect(s, names))
        } else if let also, s.equals(name, also.element) {
            alsoFound.merge(collect(s, also.names)) { $1 }
        }
    }

    func collect(_ s: XMLView, _ wanted: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for a in s.attributes {
            let local = s.string(s.localName(a.name))
            if wanted.contains(local) { out[local] = s.decode(a.value) }
        }
        return out
    }

    mutating func end(_ s: XMLView, name: Range<Int>) throws {}
    mutating func text(_ s: XMLView, _ range: Range<Int>, cdata: Bool) throws {}
}

/// `xl/sharedStrings.xml`: each `<si>` is one string, the concatenation of its `<t>` texts
/// (rich-text runs), leaving out phonetic runs (`<rPh>`).
struct SharedStringsHandler: XMLHandler {
    var strings: [String] = []
    var current = ""
    var inText = false
    var phonetic = 0

    mutating func start(_ s: XMLView, name: Range<Int>) throws {
        if s.equals(name, "si") { current = "" } else if s.equals(name, "t") { inText = phonetic == 0 } else if s.equals(name, "rPh") { phonetic += 1 }
    }

    mutating func end(_ s: XMLView, name: Range<Int>) throws {
        if s.equals(name, "t") { inText = false } else if s.equals(name, "rPh") { phonetic -= 1 } else if s.equals(name, "si") {
            strings.append(current.decodingOOXMLEscapes)
        }
    }

    mutating func text(_ s: XMLView, _ range: Range<Int>, cdata: Bool) throws {
        guard inText else { return }
        current += cdata ? s.string(range) : s.decode(range)
    }
}

/// `xl/styles.xml`: the number format of each cell format (`cellXfs`) and the custom formats.
struct StylesHandler: XMLHandler {
    var cellFormats: [Int?] = []
    var customFormats: [Int: String] = [:]
    var inCellXfs = false

    mutating func start(_ s: XMLView, name: Range<Int>) throws {
        if s.equals(name, "cellXfs") { inCellXfs = true } else if inCellXfs && s.equals(name, "xf") {
            cellFormats.append(s.attribute("numFmtId").flatMap { s.int($0) })
        } else if s.equals(name, "numFmt"), let id = s.attribute("numFmtId").flatMap({ s.int($0) }) {
            customFormats[id] = s.attributeText("formatCode") ?? ""
        }
    }

    mutating func end(_ s: XMLView, name: Range<Int>) throws {
        if s.equals(name, "cellXfs") { inCellXfs = false }
    }

    mutating func text(_ s: XMLView, _ range: Range<Int>, cdata: Bool) throws {}
}
