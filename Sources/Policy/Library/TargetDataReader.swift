/// Reads the dashboard's data: a measure's baseline, pace and set milestones (targets.yaml) and
/// the status rule (dashboard.yaml), checking every figure is a plain decimal and every quarter
/// is written `YYYYQn`, so a library that loads is one the dashboard can compute.
enum TargetDataReader {
    static func readProgress(_ m: LibraryNode, into measure: inout TargetMeasure) {
        checkDecimal(measure.value, at: m, key: "value")
        if let kind = measure.kind, kind != "at_least", kind != "about" {
            m.error("kind: '\(kind)' is neither at_least nor about")
        }
        if let b = m.child("baseline") {
            if let value = b.string("value"), let day = b.required("day")?.day {
                checkDecimal(value, at: b, key: "value")
                measure.baseline = TargetBaseline(value: value, day: day)
            }
        }
        if let pace = m.optionalString("pace") {
            if let p = TargetPace(rawValue: pace) { measure.pace = p } else {
                m.error("pace: unknown '\(pace)' (one of \(TargetPace.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        var seen = Set<String>()
        for entry in m.child("milestones")?.elements ?? [] {
            guard let quarter = entry.string("quarter"), let value = entry.string("value") else { continue }
            if !isQuarter(quarter) { entry.error("quarter: '\(quarter)' is not written YYYYQn (e.g. 2025Q4)") }
            if !seen.insert(quarter).inserted { entry.error("quarter: \(quarter) has two milestones") }
            checkDecimal(value, at: entry, key: "value")
            measure.milestones.append(TargetMilestone(quarter: quarter, value: value))
        }
    }

    static func readDashboard(_ n: LibraryNode) -> DashboardSettings? {
        guard let status = n.required("status"), let amber = status.string("amber_from"),
              let band = status.string("about_band") else { return nil }
        for (key, value) in [("amber_from", amber), ("about_band", band)] {
            guard let r = Ratio(text: value), r > .zero, r <= .one else {
                status.error("\(key): '\(value)' is not a share above 0 and at most 1")
                continue
            }
        }
        let units = n.required("preamble_responsible_units")?.elements.compactMap(\.localized) ?? []
        if units.isEmpty { n.error("preamble_responsible_units: at least one unit, the lead first") }
        return DashboardSettings(status: TargetStatusRule(amberFrom: amber, aboutBand: band), preambleResponsibleUnits: units)
    }

    /// `2025Q4`: a four-digit year, Q, one to four.
    static func isQuarter(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[4] == UInt8(ascii: "Q"), (49...52).contains(bytes[5]) else { return false }
        return bytes[0..<4].allSatisfy { (48...57).contains($0) }
    }

    private static func checkDecimal(_ text: String, at n: LibraryNode, key: String) {
        if DecimalText.split(text) == nil {
            n.error("\(key): '\(text)' is not a plain non-negative decimal")
        }
    }
}

extension PolicyLibraryLoader {
    static func readDashboard(_ n: LibraryNode) -> DashboardSettings? { TargetDataReader.readDashboard(n) }
}

extension LibraryChecks {
    /// Every target gets its responsible units, lead first: its own, its clause's, or — for the
    /// preamble's targets, whose text names none — dashboard.yaml's default. A target whose
    /// clause is neither in clauses.yaml nor the preamble is an error.
    static func resolveResponsibleUnits(_ targets: inout [Target], clauses: [String: Clause], dashboard: DashboardSettings,
                                        log: LibraryNode.ErrorLog) {
        for i in targets.indices where targets[i].responsibleUnits.isEmpty {
            let t = targets[i]
            if let clause = clauses[t.clause] {
                targets[i].responsibleUnits = clause.responsibleUnits
            } else if t.clause == Target.preambleClause {
                targets[i].responsibleUnits = dashboard.preambleResponsibleUnits
            } else {
                log.errors.append(PolicyLibraryError(file: "targets.yaml", path: "$[\(i)].clause",
                    message: "\(t.id): clause '\(t.clause)' is neither in clauses.yaml nor 总体目标 (the preamble)"))
            }
        }
    }
}

extension Target {
    /// The clause name of the preamble's targets in targets.yaml.
    public static let preambleClause = "总体目标"
}
