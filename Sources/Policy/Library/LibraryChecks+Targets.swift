extension LibraryChecks {
    /// A target's `counted` names an instrument and a category the library has.
    static func check(targets: [Target], instruments: [InstrumentDefinition], vocabulary: Vocabulary, log: LibraryNode.ErrorLog) {
        let ids = Set(instruments.map(\.id))
        for target in targets {
            for measure in target.measures {
                guard case .projects(let instrument, let category)? = measure.counted?.figure else { continue }
                let place = "\(target.id) \(measure.id)"
                if !ids.contains(instrument) {
                    log.errors.append(PolicyLibraryError(file: "targets.yaml", path: "$", message: "\(place): counted projects of unknown instrument '\(instrument)'"))
                }
                if let category, vocabulary.categories[category] == nil {
                    log.errors.append(PolicyLibraryError(file: "targets.yaml", path: "$", message: "\(place): unknown category '\(category)'"))
                }
            }
        }
    }
}
