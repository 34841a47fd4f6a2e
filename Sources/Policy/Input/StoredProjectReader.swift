/// Reads projects the registry keeps one by one — each project's object as `ProjectFileWriter`
/// wrote it, beside its enterprise's district and industry in their own columns — straight into
/// a population, for re-evaluating a million stored projects without rebuilding each from its
/// child rows.
///
/// The object goes through the bulk reader's fast path (`ProjectLineScanner`, the same checks
/// as `ProjectFileReader`); what it declines (a project with `planChecks`, an escape in a text)
/// goes through the general reader, so the population is the one `PopulationBuilder.append`
/// makes of the project the general reader reads.
public struct StoredProjectReader {
    let vocabulary: Vocabulary
    var scanner: ProjectLineScanner
    /// Projects read by the fast path and by the general reader (for the benchmarks' account).
    public private(set) var fast = 0, general = 0

    public init(vocabulary: Vocabulary, for builder: PopulationBuilder) {
        self.vocabulary = vocabulary
        scanner = ProjectLineScanner(tables: ProjectLineTables(vocabulary: vocabulary, categoryIds: builder.population.categoryIds,
                                                               districtIds: builder.population.districtIds))
    }

    /// Appends the project `json` describes to `builder`, under an enterprise of `district` and
    /// `industryCode`; the general reader's refusal when it is not a valid project object
    /// (nothing appended then).
    public mutating func append(json: String, district: String, industryCode: String,
                                into builder: inout PopulationBuilder) -> ValidationFailure? {
        var text = json
        let scanned = text.withUTF8 { scanner.scanProject($0, into: &builder) }
        if scanned {
            builder.placeLast(district: district, industryCode: industryCode)
            fast += 1
            return nil
        }
        general += 1
        let value: JSONValue
        do { value = try JSONParser.parse(text) } catch { return ValidationFailure(issues: [error.issue]) }
        switch ProjectFileReader.readProject(value, vocabulary: vocabulary) {
        case .success(let project):
            builder.append(project, enterprise: Enterprise(creditCode: "", name: "", district: district, industryCode: industryCode))
            return nil
        case .failure(let failure):
            return failure
        }
    }
}

extension PopulationBuilder {
    /// The district and industry of the project the scanner just wrote, and the project counted.
    mutating func placeLast(district: String, industryCode: String) {
        population.district.append(UInt16(Self.index(&districtIndex, &population.districtIds, district)))
        population.industry.append(UInt16(Self.index(&industryIndex, &population.industryCodes, industryCode)))
        population.count += 1
    }
}
