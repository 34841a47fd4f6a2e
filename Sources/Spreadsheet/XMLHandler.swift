import Foundation

/// What `XMLScanner` reports. The view's bytes are valid during the call only.
protocol XMLHandler {
    /// A start tag; its attributes are in `view.attributes`. Self-closing tags are followed by
    /// an `end` call.
    mutating func start(_ view: XMLView, name: Range<Int>) throws
    mutating func end(_ view: XMLView, name: Range<Int>) throws
    /// Character data (entities not yet decoded unless `cdata`).
    mutating func text(_ view: XMLView, _ range: Range<Int>, cdata: Bool) throws
}
