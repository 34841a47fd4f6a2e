import Fluent
import Foundation
@testable import Registry
import Testing
import Vapor

/// The bulk writer's own forms of values: a UUID's text, COPY's text format, and rows written in
/// bulk read back through the models unchanged on both databases.
@Suite struct BulkWriteTests {
    @Test func uuidTextIsFoundationsText() {
        for _ in 0..<1000 {
            let id = UUID()
            #expect(UUIDText.upper(id) == id.uuidString)
            #expect(UUIDText.lower(id) == id.uuidString.lowercased())
        }
    }

    static func copyText(_ value: BulkValue) -> String {
        var buffer = ByteBuffer()
        PostgresCopy.write(value, into: &buffer)
        return buffer.readString(length: buffer.readableBytes) ?? ""
    }

    @Test func copyTextEscapesWhatCOPYTreatsAsSpecial() {
        #expect(Self.copyText(.text("a\\b\tc\nd\re 浦东 'q\" \\N")) == "a\\\\b\\tc\\nd\\re 浦东 'q\" \\\\N")
        #expect(Self.copyText(.null) == "\\N")
        #expect(Self.copyText(.bool(true)) == "t")
        #expect(Self.copyText(.int(-42)) == "-42")
    }

    @Test func copyTimestampsAreUTCToTheMicrosecond() {
        #expect(Self.copyText(.time(Date(timeIntervalSince1970: 0))) == "1970-01-01 00:00:00.000000+00")
        // .742051 is held as .74205099…: truncated, as PostgresNIO's own binary encoding does, so a
        // row written in bulk and one written through Fluent keep the same microsecond.
        #expect(Self.copyText(.time(Date(timeIntervalSince1970: 1_795_461_528.742051))) == "2026-11-23 19:18:48.742050+00")
        #expect(Self.copyText(.time(Date(timeIntervalSince1970: 1_795_461_528.25))) == "2026-11-23 19:18:48.250000+00")
        #expect(Self.copyText(.time(Date(timeIntervalSince1970: 951_782_400.5))) == "2000-02-29 00:00:00.500000+00")
        #expect(Self.copyText(.time(Date(timeIntervalSince1970: -1.25))) == "1969-12-31 23:59:58.750000+00")
    }

    @Test(arguments: TestDatabase.all)
    func rowsWrittenInBulkReadBackThroughTheModels(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let id = UUID()
            let at = Date(timeIntervalSince1970: 1_795_461_528.742051)
            let name = "上海\\某\t公司\n第二行 'quoted' \"double\" \\N"
            var rows = TableRows(EnterpriseModel.schema, ["id", "credit_code", "name", "district", "industry_code", "created_at", "updated_at"])
            rows.append([.uuid(id), .text("91310000MA1FL0XX0X"), .text(name), .text("浦东新区"), .text("C34"), .time(at), .null])
            let written = rows
            try await app.db.transaction { db in try await written.insert(on: db) }
            let stored = try #require(try await EnterpriseModel.find(id, on: app.db))
            #expect(stored.name == name)
            #expect(stored.district == "浦东新区")
            let createdAt = try #require(stored.createdAt)
            #expect(abs(createdAt.timeIntervalSince(at)) < 0.000_002)
            #expect(stored.updatedAt == nil)
        }
    }
}
