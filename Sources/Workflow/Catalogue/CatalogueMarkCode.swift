/// The visual innovative-product mark's code (可视化创新产品标志), `SHCX-2025-000042`: the policy's
/// prefix, the year of first publication and the product's serial within that year.
public enum CatalogueMarkCode {
    public static func code(prefix: String, year: Int, serial: Int) -> String {
        let digits = String(serial)
        return "\(prefix)-\(year)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
