@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// A browser for the page tests: keeps the cookies a page sets (the CSRF nonce, the session,
/// the language) and reads the form token from the last page, as a browser would send them.
struct WebClient {
    let app: Application
    var cookies: [String: String] = [:]
    var token = ""

    struct Page { var status: HTTPStatus; var headers: HTTPHeaders; var html: String }

    init(_ app: Application) { self.app = app }

    private var cookieHeader: HTTPHeaders {
        var h = HTTPHeaders()
        if !cookies.isEmpty { h.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        return h
    }

    private mutating func keep(_ res: TestingHTTPResponse) {
        for (name, value) in res.headers.setCookie?.all ?? [:] {
            if value.string.isEmpty { cookies[name] = nil } else { cookies[name] = value.string }
        }
        let html = res.body.string
        if let r = html.range(of: #"name="csrf" value=""#), let end = html[r.upperBound...].firstIndex(of: "\"") {
            token = String(html[r.upperBound..<end])
        }
    }

    @discardableResult
    mutating func get(_ path: String) async throws -> Page {
        var page = Page(status: .ok, headers: [:], html: "")
        var me = self
        try await app.testing().test(.GET, path, headers: cookieHeader) { res in
            page = Page(status: res.status, headers: res.headers, html: res.body.string)
            me.keep(res)
        }
        self = me
        return page
    }

    /// Posts a form with the page's token (unless `token` says otherwise).
    @discardableResult
    mutating func post(_ path: String, _ fields: [(String, String)], token sent: String? = nil) async throws -> Page {
        var page = Page(status: .ok, headers: [:], html: "")
        var me = self
        let all = [("csrf", sent ?? token)] + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        try await app.testing().test(.POST, path, headers: cookieHeader, beforeRequest: { req in
            req.headers.contentType = .urlEncodedForm
            req.body = ByteBuffer(string: body)
        }, afterResponse: { res in
            page = Page(status: res.status, headers: res.headers, html: res.body.string)
            me.keep(res)
        })
        self = me
        return page
    }

    /// Posts a file as `multipart/form-data`, the way the upload form sends it.
    @discardableResult
    mutating func upload(_ path: String, filename: String, contents: String, fields: [(String, String)] = []) async throws -> Page {
        var page = Page(status: .ok, headers: [:], html: "")
        var me = self
        let boundary = "----renewal-test-boundary"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(token)\r\n"
            + fields.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }.joined()
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n\(contents)\r\n"
            + "--\(boundary)--\r\n"
        try await app.testing().test(.POST, path, headers: cookieHeader, beforeRequest: { req in
            req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            req.body = ByteBuffer(string: body)
        }, afterResponse: { res in
            page = Page(status: res.status, headers: res.headers, html: res.body.string)
            me.keep(res)
        })
        self = me
        return page
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

enum CalculatorFixture {
    /// A project with a loan whose interest 7a subsidises (technical renovation).
    static let fields: [(String, String)] = [
        ("entName", "上海浦江智能装备有限公司"), ("entCode", "91310115MA1K4ABCDD"), ("entDistrict", "pudong"), ("entIndustry", "C3484"),
        ("projectName", "高端数控机床产线智能化技术改造"), ("categories[]", "technical-renovation"), ("categories[]", "equipment-renewal"),
        ("applicationDate", "2024-09-15"), ("declared", "86000000"),
        ("loan1Lender", "上海银行"), ("loan1Principal", "40000000"), ("loan1Rate", "0.032"), ("loan1Start", "2024-04-01"),
        ("loan1End", "2029-03-31"), ("loan1I2024", "960000"), ("loan1I2025", "1280000"),
    ]
}

extension String {
    /// HTML-escaped by the scalar, as the pages must be (a quote before a combining accent too).
    var escapedForTest: String {
        unicodeScalars.reduce(into: "") { out, s in
            switch s {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(s)
            }
        }
    }
}
