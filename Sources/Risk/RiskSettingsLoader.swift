import Foundation
import Policy

/// Reads `risk.yaml` beside the library's `parameters.yaml` and checks it against the library:
/// every field present and in range, every threshold a money parameter of the library. All
/// problems are reported at once, each with its path, as the library's own loader does.
public enum RiskSettingsLoader {
    public static let fileName = "risk.yaml"

    public static func load(directory: URL, library: PolicyLibrary) throws -> RiskSettings {
        let url = directory.appendingPathComponent(fileName)
        let value: JSONValue
        do {
            value = try JSONValue.parseYAML(try String(contentsOf: url, encoding: .utf8))
        } catch {
            throw PolicyLibraryErrors(errors: [PolicyLibraryError(file: fileName, path: "$", message: "cannot read: \(error)")])
        }
        return try read(value, library: library)
    }

    /// The library shipped with the platform (`PolicyLibraryLoader.defaultDirectory()`).
    public static func loadDefault(library: PolicyLibrary) throws -> RiskSettings {
        guard let dir = PolicyLibraryLoader.defaultDirectory() else {
            throw PolicyLibraryErrors(errors: [PolicyLibraryError(file: fileName, path: "", message: "policy library not found")])
        }
        return try load(directory: dir, library: library)
    }

    public static func read(_ value: JSONValue, library: PolicyLibrary) throws -> RiskSettings {
        var r = Reader(library: library)
        let split = r.section(value, "split_investment")
        let bunching = r.section(value, "bunching")
        let identity = r.section(value, "shared_identity")
        let price = r.section(value, "unit_price")
        let thresholds = r.moneyParameters(split, "thresholds", at: "$.split_investment")
        let settings = RiskSettings(
            splitThresholds: thresholds,
            splitMaxDaysApart: r.integer(split, "max_application_days_apart", 0...3660, at: "$.split_investment"),
            bunchingThreshold: r.moneyParameter(bunching?["threshold"], at: "$.bunching.threshold") ?? "",
            bunchingWidth: r.ratio(bunching, "width", above: .zero, atMost: .one, at: "$.bunching"),
            bunchingNeighbourBins: r.integer(bunching, "neighbour_bins", 1...100, at: "$.bunching"),
            bunchingMinZ: r.ratio(bunching, "min_z", above: .zero, atMost: Ratio(numerator: 100, scale: 0), at: "$.bunching"),
            bunchingMinCount: r.integer(bunching, "min_count", 1...1_000_000, at: "$.bunching"),
            identityMinPhoneDigits: r.integer(identity, "min_phone_digits", 1...32, at: "$.shared_identity"),
            identityMinAddressCharacters: r.integer(identity, "min_address_characters", 1...200, at: "$.shared_identity"),
            priceMinPeers: r.integer(price, "min_peers", 2...1_000_000, at: "$.unit_price"),
            priceMADFactor: r.ratio(price, "mad_factor", above: .zero, atMost: Ratio(numerator: 1000, scale: 0), at: "$.unit_price"),
            priceMADFloor: r.ratio(price, "mad_floor", above: .zero, atMost: .one, at: "$.unit_price"))
        if thresholds.isEmpty && r.errors.isEmpty {
            r.error("$.split_investment.thresholds", "at least one threshold is needed")
        }
        guard r.errors.isEmpty else { throw PolicyLibraryErrors(errors: r.errors) }
        return settings
    }

    struct Reader {
        let library: PolicyLibrary
        var errors: [PolicyLibraryError] = []

        mutating func error(_ path: String, _ message: String) {
            errors.append(PolicyLibraryError(file: RiskSettingsLoader.fileName, path: path, message: message))
        }

        mutating func section(_ root: JSONValue, _ key: String) -> JSONValue? {
            guard let v = root[key], case .object = v else { error("$.\(key)", "missing section '\(key)' (a mapping)"); return nil }
            return v
        }

        func scalar(_ v: JSONValue?) -> String? {
            switch v {
            case .string(let s)?: s
            case .number(let n)?: n
            default: nil
            }
        }

        mutating func integer(_ section: JSONValue?, _ key: String, _ range: ClosedRange<Int>, at path: String) -> Int {
            guard let section else { return range.lowerBound }
            guard let text = scalar(section[key]), let n = Int(text), range.contains(n) else {
                error("\(path).\(key)", "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
                return range.lowerBound
            }
            return n
        }

        mutating func ratio(_ section: JSONValue?, _ key: String, above low: Ratio, atMost high: Ratio, at path: String) -> Ratio {
            guard let section else { return .one }
            guard let text = scalar(section[key]), let r = Ratio(text: text), r > low, r <= high else {
                error("\(path).\(key)", "expected a number above \(low) and at most \(high) (e.g. \"5%\" or \"3\")")
                return .one
            }
            return r
        }

        /// `{param: key}` naming a money parameter of the library.
        mutating func moneyParameter(_ v: JSONValue?, at path: String) -> String? {
            guard let key = scalar(v?["param"]) else { error(path, "expected {param: <key of a money parameter>}"); return nil }
            guard let parameter = library.parameters[key] else { error(path, "unknown parameter '\(key)'"); return nil }
            guard parameter.type == .money else { error(path, "parameter '\(key)' is not an amount of money"); return nil }
            return key
        }

        mutating func moneyParameters(_ section: JSONValue?, _ key: String, at path: String) -> [String] {
            guard let section else { return [] }
            guard case .array(let items)? = section[key] else { error("\(path).\(key)", "expected a list of {param: …}"); return [] }
            return items.enumerated().compactMap { moneyParameter($1, at: "\(path).\(key)[\($0)]") }
        }
    }
}
