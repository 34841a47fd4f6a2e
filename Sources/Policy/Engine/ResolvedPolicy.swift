/// The policy library as it stands on one day: every parameter reduced to the value in force
/// then. A project is always evaluated under the values in force on its application date, so
/// a later change of a ratio or a cap never silently rewrites an old result.
public struct ResolvedPolicy: Sendable {
    public let library: PolicyLibrary
    public let day: Day
    let values: [String: ParameterValue]

    public init(library: PolicyLibrary, on day: Day) {
        self.library = library
        self.day = day
        var values: [String: ParameterValue] = [:]
        for (key, parameter) in library.parameters {
            if let v = parameter.value(on: day) { values[key] = v }
        }
        self.values = values
    }

    public func value(_ key: String) -> ParameterValue? { values[key] }

    func flag(_ key: ReadingKey) -> Bool {
        if case .flag(let b)? = values[key.rawValue] { return b }
        return true
    }

    var oneGrantPerProject: Bool { flag(.oneGrantPerProject) }
    var oneInstrumentPerContract: Bool { flag(.oneInstrumentPerContract) }
    var replacementsApply: Bool { flag(.replacementsApply) }

    var inPrincipleCapsAreHard: Bool {
        if case .word(let w)? = values[ReadingKey.inPrincipleCaps.rawValue] { return w != "advisory" }
        return true
    }

    func isInForce(_ instrument: InstrumentDefinition) -> Bool {
        instrument.inForceFrom <= day && (instrument.inForceUntil.map { day <= $0 } ?? true)
    }
}
