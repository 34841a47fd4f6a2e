import API
import Foundation
import Yams

/// A readable page of the API, made from the contract at start: every operation with its summary,
/// parameters, request body and responses, then every schema with its fields. Self-contained
/// HTML (no scripts from elsewhere), Chinese and English as the spec writes them.
enum APIDocsPage {
    static let html: String = render(APIDocument.yaml)

    static func render(_ yaml: String) -> String {
        guard let doc = (try? Yams.load(yaml: yaml)) as? [String: Any] else { return "<p>openapi.yaml does not parse</p>" }
        let info = doc["info"] as? [String: Any] ?? [:]
        var out = """
        <!doctype html><html lang="zh"><head><meta charset="utf-8"><title>\(e(info["title"] as? String ?? "API"))</title>
        <style>body{font-family:"Noto Sans CJK SC","Noto Sans SC",system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
        h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1.05em;margin:1.4em 0 .3em}
        code{background:#f4f4f4;padding:1px 4px;border-radius:3px}.m{display:inline-block;min-width:4.5em;font-weight:bold}
        .get{color:#1f6feb}.post{color:#1a7f37}.put{color:#9a6700}.delete{color:#cf222e}
        table{border-collapse:collapse;margin:.4em 0 1em}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top;font-size:.92em}
        .d{color:#555}</style></head><body>
        <h1>\(e(info["title"] as? String ?? "API")) <small>\(e(info["version"] as? String ?? ""))</small></h1>
        <p class="d">\(e(info["description"] as? String ?? "").replacingOccurrences(of: "\n", with: "<br>"))</p>
        <p>契约 / contract: <a href="/openapi.yaml">/openapi.yaml</a> · 所有路径前缀 / all paths under <code>/api</code> · <a href="/health">/health</a> · <a href="/metrics">/metrics</a></p>
        """
        let paths = doc["paths"] as? [String: Any] ?? [:]
        // Shared parameters, responses and bodies are `$ref`s into components: shown resolved.
        func resolve(_ node: Any?) -> [String: Any] {
            var node = node as? [String: Any] ?? [:]
            var hops = 0
            while let ref = node["$ref"] as? String, ref.hasPrefix("#/"), hops < 8 {
                var target: Any? = doc
                for key in ref.dropFirst(2).split(separator: "/") { target = (target as? [String: Any])?[String(key)] }
                guard let found = target as? [String: Any] else { break }
                node = found
                hops += 1
            }
            return node
        }
        var byTag: [String: [(String, String, [String: Any])]] = [:]
        for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
            let pathParameters = (item as? [String: Any])?["parameters"] as? [Any] ?? []
            for method in ["get", "post", "put", "delete", "patch"] {
                guard var op = (item as? [String: Any])?[method] as? [String: Any] else { continue }
                op["parameters"] = pathParameters + (op["parameters"] as? [Any] ?? [])
                let tag = (op["tags"] as? [String])?.first ?? "other"
                byTag[tag, default: []].append((method, path, op))
            }
        }
        for (tag, ops) in byTag.sorted(by: { $0.key < $1.key }) {
            out += "<h2>\(e(tag))</h2>"
            for (method, path, op) in ops {
                out += "<h3><span class=\"m \(method)\">\(method.uppercased())</span> <code>/api\(e(path))</code> — \(e(op["summary"] as? String ?? ""))</h3>"
                if let d = op["description"] as? String { out += "<p class=\"d\">\(e(d))</p>" }
                if let params = (op["parameters"] as? [Any])?.map({ resolve($0) }), !params.isEmpty {
                    out += "<table><tr><th>参数 parameter</th><th>位置 in</th><th>类型 type</th><th>说明 description</th></tr>"
                    for p in params {
                        let schema = p["schema"] as? [String: Any] ?? [:]
                        out += "<tr><td><code>\(e(p["name"] as? String ?? ""))</code>\((p["required"] as? Bool) == true ? " *" : "")</td><td>\(e(p["in"] as? String ?? ""))</td><td>\(e(typeName(schema)))</td><td>\(e(p["description"] as? String ?? ""))</td></tr>"
                    }
                    out += "</table>"
                }
                if let content = resolve(op["requestBody"])["content"] as? [String: Any] {
                    out += "<p>请求体 request body: " + content.map { "<code>\(e($0.key))</code> \(e(typeName(($0.value as? [String: Any])?["schema"] as? [String: Any] ?? [:])))" }.joined(separator: ", ") + "</p>"
                }
                if let responses = op["responses"] as? [String: Any] {
                    out += "<table><tr><th>响应 response</th><th>说明 description</th><th>内容 body</th></tr>"
                    for (code, r) in responses.sorted(by: { $0.key < $1.key }) {
                        let resp = resolve(r)
                        let content = (resp["content"] as? [String: Any])?.map { "\($0.key) \(typeName(($0.value as? [String: Any])?["schema"] as? [String: Any] ?? [:]))" }.joined(separator: ", ") ?? "—"
                        out += "<tr><td>\(e(code))</td><td>\(e(resp["description"] as? String ?? ""))</td><td>\(e(content))</td></tr>"
                    }
                    out += "</table>"
                }
            }
        }
        out += "<h2>数据结构 / schemas</h2>"
        let schemas = (doc["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        for (name, s) in schemas.sorted(by: { $0.key < $1.key }) {
            let schema = s as? [String: Any] ?? [:]
            out += "<h3 id=\"\(e(name))\">\(e(name))</h3>"
            if let d = schema["description"] as? String { out += "<p class=\"d\">\(e(d))</p>" }
            if let props = schema["properties"] as? [String: Any] {
                let required = Set(schema["required"] as? [String] ?? [])
                out += "<table><tr><th>字段 field</th><th>类型 type</th><th>说明 description</th></tr>"
                for (field, p) in props.sorted(by: { $0.key < $1.key }) {
                    let ps = p as? [String: Any] ?? [:]
                    out += "<tr><td><code>\(e(field))</code>\(required.contains(field) ? " *" : "")</td><td>\(e(typeName(ps)))</td><td>\(e(ps["description"] as? String ?? resolve(ps)["description"] as? String ?? ""))</td></tr>"
                }
                out += "</table>"
            } else if let values = schema["enum"] as? [Any] {
                out += "<p>\(values.map { "<code>\(e("\($0)"))</code>" }.joined(separator: " "))</p>"
            }
        }
        return out + "</body></html>"
    }

    static func typeName(_ schema: [String: Any]) -> String {
        if let ref = schema["$ref"] as? String { return ref.split(separator: "/").last.map(String.init) ?? ref }
        if let type = schema["type"] as? String {
            if type == "array", let items = schema["items"] as? [String: Any] { return "[\(typeName(items))]" }
            if let format = schema["format"] as? String { return "\(type) (\(format))" }
            if let values = schema["enum"] as? [Any] { return values.map { "\($0)" }.joined(separator: " | ") }
            return type
        }
        if let all = (schema["allOf"] ?? schema["oneOf"] ?? schema["anyOf"]) as? [[String: Any]] { return all.map(typeName).joined(separator: " | ") }
        return "object"
    }

    static func e(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
