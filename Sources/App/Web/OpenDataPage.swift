import Foundation
import Policy
import Registry
import Spreadsheet
import Vapor

/// The open data of supported projects (`/open-data/supported-projects.csv`, public): one row
/// per approved case and instrument — enterprise, project, district, instrument and its clause,
/// the amount approved, the day of the decision — as the store gives them (`SupportedProjects`:
/// nothing personal). Bilingual headers, Chinese first; a text Excel would read as a formula
/// is written after an apostrophe, as the platform's other exports do.
struct OpenDataPage: Sendable {
    let site: WebSite

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["open-data", "supported-projects.csv"], id: "openDataSupported") { p in try await csv(p) }
    }

    static func cell(_ text: String) -> String {
        guard let first = text.first, "=+-@".contains(first) else { return text }
        return "'" + text
    }

    func csv(_ p: WebSite.PageRequest) async throws -> Response {
        let library = p.req.application.platformServices.library
        let rows = try await SupportedProjects(db: p.req.application.platformServices.database()).rows()
        let keys = ["open_enterprise", "open_project", "open_district", "open_instrument", "open_clause", "open_granted", "open_decided_on"]
        var table: [[String]] = [keys.map { "\(site.catalogue.text($0, .zh)) / \(site.catalogue.text($0, .en))" }]
        for r in rows {
            let instrument = library.instruments.first { $0.id == r.instrument }
            let district = library.vocabulary.district(named: r.district)
            table.append([Self.cell(r.enterpriseName), Self.cell(r.projectName),
                          district.map { "\($0.name.zh) / \($0.name.en)" } ?? r.district,
                          instrument.map { "\(r.instrument) \($0.name.zh) / \($0.name.en)" } ?? r.instrument,
                          instrument?.clause ?? "", r.granted.decimalString, r.decidedOn])
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment("supported-projects.csv"))
        return Response(status: .ok, headers: headers, body: .init(data: CSVWriter.data(table)))
    }
}
