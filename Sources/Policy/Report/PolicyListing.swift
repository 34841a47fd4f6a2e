/// The policy library as an administrator checks it: each instrument with its clause, kind,
/// base, ratio and cap in force on a date, and the reading parameters.
public struct PolicyListing {
    let library: PolicyLibrary
    let language: Language

    public init(library: PolicyLibrary, language: Language) {
        self.library = library
        self.language = language
    }

    public func render(on day: Day) -> String {
        let policy = ResolvedPolicy(library: library, on: day)
        func t(_ l: LocalizedText) -> String { l.text(language) }
        var out = "\(t(library.plan.notice)) \(t(library.plan.title))\n"
        out += language == .zh ? "施行中的参数（\(day)）：\n" : "Values in force on \(day):\n"
        for i in library.instruments {
            var line = "  \(i.id.padding(4)) [\(i.kind.rawValue)] \(t(i.name)) (\(i.clause))"
            if case .parameter(let key) = i.ratio { line += " ratio=\(policy.value(key)?.description ?? "—")" }
            if let cap = i.cap { line += " cap=\(policy.value(cap)?.description ?? "—")" }
            if let years = i.years { line += " years=\(policy.value(years)?.description ?? "—")" }
            if !policy.isInForce(i) { line += language == .zh ? "（未施行）" : " (not in force)" }
            out += line + "\n"
        }
        out += language == .zh ? "解读参数：\n" : "Reading parameters:\n"
        for key in library.parameters.keys.sorted() where !library.instruments.contains(where: { key.hasPrefix("\($0.id).") }) {
            out += "  \(key) = \(policy.value(key)?.description ?? "—")\n"
        }
        return out
    }
}
