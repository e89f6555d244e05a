import Foundation
import HTTPTypes
import Hummingbird

/// Responses for the documents the engines render: shown in a frame, or downloaded.
enum Download {
    /// A self-contained HTML document (report or plan) for the page's frame or the print view.
    static func document(_ html: String) -> Response {
        var r = Page.response(html)
        r.headers[HTTPField.Name.contentSecurityPolicy] = SecurityHeaders.documentPolicy
        return r
    }

    static func file(_ bytes: Data, name: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
