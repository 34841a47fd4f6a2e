import API
import Foundation
import Policy
import Registry

/// The JSON API: one method per operation of `openapi.yaml` (the generated `APIProtocol`). Errors
/// are thrown as the registry's and the reader's own errors; `JSONErrorMiddleware` turns them into
/// the contract's `Error` bodies with the right status.
struct APIHandler: APIProtocol {
    let services: PlatformServices

    var library: PolicyLibrary { services.library }
    var vocabulary: Vocabulary { library.vocabulary }
    var store: ProjectStore { services.projectStore() }
    var lists: RollingListStore { services.listStore() }

    /// A date query parameter, or nil when absent; 400 when it is not a date.
    func day(_ text: String?, name: String = "date") throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else {
            throw BadRequest("参数 \(name) 应为日期 YYYY-MM-DD：\(text)", "parameter \(name) must be a date YYYY-MM-DD: \(text)", path: name)
        }
        return day
    }

    func uuid(_ text: String, name: String = "id") throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw BadRequest("\(name) 不是有效的 UUID：\(text)", "\(name) is not a valid UUID: \(text)", path: name)
        }
        return id
    }

    func money(_ text: String?, name: String) throws -> Money? {
        guard let text else { return nil }
        guard let m = Money(yuanText: text) else {
            throw BadRequest("参数 \(name) 应为金额（元），如 1234.56：\(text)", "parameter \(name) must be an amount in yuan such as 1234.56: \(text)", path: name)
        }
        return m
    }

    func page(_ page: Int?, _ perPage: Int?) throws -> (Int, Int) {
        let p = page ?? 1, n = perPage ?? 50
        guard p >= 1 else { throw BadRequest("page 应不小于 1", "page must be 1 or more", path: "page") }
        // Deep pages are for the cursor; this also keeps the offset far from overflowing.
        guard p <= 100_000 else { throw BadRequest("page 应不大于 100000；翻阅更多请用 cursor", "page must be 100000 or less; walk further with cursor", path: "page") }
        guard (1...500).contains(n) else { throw BadRequest("perPage 应在 1 到 500 之间", "perPage must be between 1 and 500", path: "perPage") }
        return (p, n)
    }
}
