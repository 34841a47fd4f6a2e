/// How a column's text becomes a value of the project format.
public enum TabularValueKind: String, Sendable, CaseIterable {
    /// Text as written (trimmed).
    case text
    /// Yuan, a plain decimal with at most two decimals: `1234.56`.
    case amount
    /// A rate: `0.035` or `3.5%`.
    case rate
    /// A day: `2024-03-01` (also `2024/3/1`, `2024年3月1日`, or an Excel date cell).
    case date
    /// `true`/`false`, `1`/`0`, `是`/`否`, `Y`/`N`, `yes`/`no`, `TRUE`/`FALSE`; empty is false.
    case boolean
    /// A whole number above zero.
    case quantity
    /// Category ids (or their Chinese or English names) separated by `;`, `；` or `、`.
    case categories
    /// `certification` (认证) or `testing` (检测).
    case certificationKind
}
