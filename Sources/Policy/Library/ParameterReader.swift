/// Reads parameters and their dated values from YAML.
///
/// A shared parameter (parameters.yaml) is a mapping:
///
///     reading.clause7_threshold_role:
///       type: word
///       options: [priority, bar]
///       label: {zh: …, en: …}
///       source: {zh: …, en: …}
///       values:
///         - {from: 2024-05-31, value: priority}
///
/// An instrument field (ratio, cap, years) may instead be a single value (in force from the
/// instrument's start), or a list of `{from, value}`.
enum ParameterReader {
    static func parameter(key: String, _ n: LibraryNode, defaultFrom: Day?) -> Parameter? {
        guard let typeText = n.string("type") else { return nil }
        guard let type = ParameterType(rawValue: typeText) else {
            n.error("unknown parameter type '\(typeText)' (ratio, money, integer, flag, day, word)")
            return nil
        }
        let options = n.child("options").map { $0.elements.compactMap(\.scalar) }
        guard let valuesNode = n.required("values") else { return nil }
        let values = datedValues(valuesNode, type: type, options: options, defaultFrom: defaultFrom)
        return Parameter(key: key, type: type, label: n.child("label")?.localized, values: values,
                         source: n.child("source")?.localized, options: options)
    }

    /// A single value, or a list of `{from, value}` sorted by date.
    static func datedValues(_ n: LibraryNode, type: ParameterType, options: [String]?, defaultFrom: Day?) -> [DatedValue] {
        if case .array = n.value {
            var out: [DatedValue] = []
            for element in n.elements {
                guard let from = element.required("from")?.day, let v = element.required("value"),
                      let value = value(v, type: type, options: options) else { continue }
                if out.contains(where: { $0.from == from }) { element.error("two values from \(from)") }
                out.append(DatedValue(from: from, value: value))
            }
            return out.sorted { $0.from < $1.from }
        }
        guard let from = defaultFrom, let value = value(n, type: type, options: options) else { return [] }
        return [DatedValue(from: from, value: value)]
    }

    static func value(_ n: LibraryNode, type: ParameterType, options: [String]?) -> ParameterValue? {
        guard let text = n.scalar else { return nil }
        if text == "unstated" { return .unstated }
        switch type {
        case .ratio:
            if let r = Ratio(text: text) { return .ratio(r) }
            n.error("not a ratio (e.g. 0.5 or 50%): \(text)")
        case .money:
            if let m = Money(yuanText: text) { return .money(m) }
            n.error("not an amount of yuan: \(text)")
        case .integer:
            if let i = Int(text) { return .integer(i) }
            n.error("not a whole number: \(text)")
        case .flag:
            if text == "true" || text == "false" { return .flag(text == "true") }
            n.error("expected true or false: \(text)")
        case .day:
            if let d = Day(iso: text) { return .day(d) }
            n.error("not a date YYYY-MM-DD: \(text)")
        case .word:
            if let options, !options.contains(text) {
                n.error("'\(text)' is not one of \(options.joined(separator: ", "))")
                return nil
            }
            return .word(text)
        }
        return nil
    }
}
