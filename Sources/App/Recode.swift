import Foundation
import Policy

/// Moves values between the engine's types and the generated API types through JSON: the API
/// schemas describe exactly what the engine's Codable types encode to (a test checks real output
/// against the contract), so a round trip is the conversion, and request bodies reach the same
/// validation as `renewal match`.
enum Recode {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        return e
    }()

    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }()

    static func convert<T: Decodable>(_ value: some Encodable, to type: T.Type = T.self) throws -> T {
        try decoder.decode(T.self, from: encoder.encode(value))
    }

    /// A generated request body as the reader's JSON tree (exact digits kept).
    static func tree(_ value: some Encodable) throws -> JSONValue {
        try JSONParser.parse(Array(encoder.encode(value)))
    }

    /// A JSON tree (e.g. from `ProjectFileWriter`) as a generated type.
    static func decode<T: Decodable>(_ tree: JSONValue, as type: T.Type = T.self) throws -> T {
        try decoder.decode(T.self, from: Data(tree.serialized().utf8))
    }
}
