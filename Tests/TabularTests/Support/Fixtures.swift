import Foundation
import Policy
import Spreadsheet

/// Shared fixtures: the vocabulary of the shipped policy library and a valid credit code.
enum Fixtures {
    static let library = Result { try PolicyLibraryLoader.loadDefault() }
    static var vocabulary: Vocabulary { get throws { try library.get().vocabulary } }
    static let creditCode = CreditCode.withCheckCharacter("91310115MA1K4ABCD")!
    static let otherCode = CreditCode.withCheckCharacter("91310104MA1K4WXY7")!

    /// A CSV of the given header and rows (cells by column key; missing keys are empty).
    static func csv(_ header: [String], _ rows: [[String: String]]) -> Data {
        var writer = CSVWriter()
        writer.write(row: header)
        for row in rows { writer.write(row: header.map { row[$0] ?? "" }) }
        return writer.data
    }

    static let header = ["credit_code", "enterprise_name", "district", "industry_code", "project_id", "project_name",
                         "categories", "start_date", "end_date", "application_date", "declared_investment", "zero_land",
                         "loan1_id", "loan1_lender", "loan1_principal", "loan1_rate", "loan1_start", "loan1_end",
                         "loan1_interest_2024", "loan1_interest_2025", "loan1_relending",
                         "loan2_id", "loan2_principal", "loan2_start", "loan2_interest_2024", "loan2_first_on_market", "loan2_catalogue_product",
                         "item1_name", "item1_quantity", "item1_unit_price", "item1_imported", "item1_tariff_rate",
                         "cert1_product", "cert1_kind", "cert1_amount"]

    static func good(_ id: String = "P-1", code: String = creditCode) -> [String: String] {
        ["credit_code": code, "enterprise_name": "上海浦江智能装备有限公司", "district": "浦东新区", "industry_code": "C3484",
         "project_id": id, "project_name": "产线技术改造", "categories": "technical-renovation；equipment-renewal",
         "start_date": "2024-03-01", "end_date": "2025-12-31", "application_date": "2024/9/15",
         "declared_investment": "86,000,000", "zero_land": "是",
         "loan1_id": "L1", "loan1_lender": "上海银行", "loan1_principal": "40000000", "loan1_rate": "3.2%",
         "loan1_start": "2024-04-01", "loan1_end": "2029-03-31", "loan1_interest_2024": "960000", "loan1_interest_2025": "1280000.5",
         "loan1_relending": "Y"]
    }
}
