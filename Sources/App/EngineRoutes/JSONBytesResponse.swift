import NIOCore
import Vapor

extension Response {
    /// An answer whose JSON was written by `JSONOutput`.
    static func json(_ bytes: [UInt8], status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(buffer: ByteBuffer(bytes: bytes)))
    }
}
