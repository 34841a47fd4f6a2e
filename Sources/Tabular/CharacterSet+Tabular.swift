import Foundation

extension CharacterSet {
    /// White space and line breaks, including the ideographic space and no-break space.
    static let tabularWhitespace: CharacterSet = {
        var set = CharacterSet.whitespacesAndNewlines
        set.insert(charactersIn: "\u{3000}\u{00A0}\u{FEFF}")
        return set
    }()
}
