/// The scanner on one project object alone (a stored project, `StoredProjectReader`): the same
/// checks as within a line; the district, the industry and the count are the caller's.
extension ProjectLineScanner {
    /// Scans the object into the builder's population; false (nothing written) when it is for
    /// the general reader.
    mutating func scanProject(_ object: UnsafeBufferPointer<UInt8>, into builder: inout PopulationBuilder) -> Bool {
        guard object.count > 0 else { return false }
        start(object)
        let mark = builder.population.mark
        do throws(Decline) {
            try project(&builder.population)
            skipSpace()
            guard i == n else { throw Decline() }
            return true
        } catch {
            builder.population.truncate(to: mark)
            return false
        }
    }
}
