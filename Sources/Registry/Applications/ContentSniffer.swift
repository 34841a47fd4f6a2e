import Foundation
import Workflow

/// What an uploaded file is, found from its first bytes — never from its name or the type the
/// client declared: a PDF, an image (PNG, JPEG), or an XLSX workbook (a ZIP whose parts include
/// the workbook). Anything else is refused.
enum ContentSniffer {
    static func kind(of data: Data) -> ContentKind? {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .image }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .image }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]), isWorkbook(data) { return .xlsx }
        return nil
    }

    /// A ZIP is a workbook when it holds `xl/workbook.xml` (the local file headers carry the part
    /// names in clear, so the name is found without unpacking).
    static func isWorkbook(_ data: Data) -> Bool {
        data.range(of: Data("xl/workbook.xml".utf8)) != nil && data.range(of: Data("[Content_Types].xml".utf8)) != nil
    }
}
