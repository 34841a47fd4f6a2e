import Policy
import Vapor

/// How large a request may be, in one place: the body each route takes, the URI and the header
/// block. Larger is answered 413, 414 or 431 with the JSON error body (`RequestTooLarge`),
/// before the body is read — a 50 MB project name is refused at the door, not stored.
enum RequestLimits {
    static let kib = 1024, mib = 1024 * 1024

    /// The import upload: spooled to a file as it arrives, never held in memory.
    static let upload = 512 * mib
    /// A material of an application (a scanned PDF, a photo, a workbook): held in memory and
    /// stored in the database, so far smaller than an import.
    static let material = 20 * mib
    /// A catalogue edition as CSV or XLSX (the plan's 1,500 products are a few hundred KB).
    static let catalogueFile = 32 * mib
    /// An edition of a list of the list library (CSV or XLSX), held in memory: `ListFile.maxBytes`.
    static let listFile = 16 * mib
    /// A project file, a project, a list revision (thousands of project ids).
    static let projectFile = 2 * mib
    /// The other JSON bodies: an enterprise, a status change, a new list, its recipients.
    static let smallJSON = 64 * kib
    /// Routes that take no body.
    static let noBody = 16 * kib
    /// What the engine's own routes tell Vapor to collect: RequestSizeMiddleware has collected
    /// the body already, within the route's limit, so this only has to be no smaller.
    static let jsonBody = ByteCount(value: projectFile)

    /// The request line's target (path and query): a query of every filter with a long text
    /// search stays far below; NIO refuses more than 80 KiB outright (see `RequestSizeMiddleware`).
    static let uri = 8 * kib
    /// Names and values of all headers together.
    static let headers = 16 * kib

    /// The body limit of a request, by its route (method and path as registered, `""` when no
    /// route matched).
    static func body(method: HTTPMethod, route: String) -> (bytes: Int, streamed: Bool) {
        switch (method, route) {
        case (.POST, "api/imports"): return (upload, true)
        case (.POST, "api/applications/:id/materials"): return (material, false)
        case (.POST, "api/catalogue/imports"): return (catalogueFile, false)
        // A file of evidence of the plan's progress: a material's limit.
        case (.POST, "api/plan-progress/evidence"): return (material, false)
        // The upload form: the same file limit (the store's), and room for the form's other fields.
        case (.POST, "enterprise/applications/:id/materials"): return (material + 64 * kib, false)
        // The calculator's upload: a project file or spreadsheet, as `POST /api/match` takes it.
        case (.POST, "calculator/upload"): return (projectFile + 64 * kib, false)
        case (.POST, "api/match"), (.POST, "api/projects"), (.PUT, "api/projects/:id"), (.POST, "api/lists/:id/revisions"):
            return (projectFile, false)
        case (.POST, "api/lists/:id/publish"): return (noBody, false)
        case (.POST, "api/list-editions"): return (listFile, false)
        // A new edition's file by the list library's form, with room for the form's other fields.
        case (.POST, "list-library/kinds/:kind/editions"): return (listFile + 64 * kib, false)
        // A progress report by its form, with its evidence file: a material's limit and the form's fields.
        case (.POST, "progress/reports"): return (material + 64 * kib, false)
        case (.POST, _), (.PUT, _), (.PATCH, _): return (smallJSON, false)
        default: return (noBody, false)
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= mib ? "\(bytes / mib) MB" : "\(bytes / kib) KB"
    }
}

/// A request larger than `RequestLimits` allows: 413 (body), 414 (URI) or 431 (headers).
struct RequestTooLarge: Error {
    enum Part { case body, uri, headers }
    let part: Part
    let limit: Int

    var status: HTTPResponseStatus {
        switch part {
        case .body: .payloadTooLarge
        case .uri: .uriTooLong
        case .headers: .requestHeaderFieldsTooLarge
        }
    }

    var code: String {
        switch part {
        case .body: "payload_too_large"
        case .uri: "uri_too_long"
        case .headers: "headers_too_large"
        }
    }

    var message: LocalizedText {
        let size = RequestLimits.megabytes(limit)
        switch part {
        case .body: return LocalizedText(zh: "请求体超过本接口的上限 \(size)", en: "the request body is larger than this route takes (\(size))")
        case .uri: return LocalizedText(zh: "请求地址（路径和查询参数）超过上限 \(size)", en: "the request URI (path and query) is longer than \(size)")
        case .headers: return LocalizedText(zh: "请求头超过上限 \(size)", en: "the request headers are larger than \(size)")
        }
    }
}
