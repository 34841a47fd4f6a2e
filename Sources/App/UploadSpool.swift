import Foundation
import OpenAPIRuntime

/// Writes a request body to a temporary file as its pieces arrive, refusing one larger than the
/// limit (the file is removed then).
enum UploadSpool {
    static func write(_ body: HTTPBody, limit: Int) async throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("renewal-upload-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            var size = 0
            for try await piece in body {
                size += piece.count
                // A chunked upload has no Content-Length for RequestSizeMiddleware to refuse at once.
                if size > limit { throw RequestTooLarge(part: .body, limit: limit) }
                try handle.write(contentsOf: Data(piece))
            }
            return url
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
    }
}
