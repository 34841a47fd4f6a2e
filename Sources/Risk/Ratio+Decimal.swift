import Foundation
import Policy

extension Ratio {
    /// The ratio as an exact decimal, for comparisons of statistics (never for money).
    var decimal: Decimal { Decimal(numerator) / Decimal(sign: .plus, exponent: scale, significand: 1) }
}
