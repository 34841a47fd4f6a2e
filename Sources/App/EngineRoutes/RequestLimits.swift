import Vapor

/// How much a request may carry. A JSON body holds one project file (an enterprise and its
/// projects); uploads of spreadsheets have their own, larger limit on their route.
enum RequestLimits {
    static let jsonBody: ByteCount = "2mb"
}
