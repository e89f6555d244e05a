import PlacementModel

/// The demand sheet's and scenario files' reading of the planners' words and numbers: the
/// import's own rules (`TermReading`, `DecimalReading`), so a word or an amount one file kind
/// accepts, every kind accepts.
enum Terms {
    static func key(_ text: String) -> String { TermReading.key(text) }
    static func trimmed(_ s: String) -> String { TermReading.trimmed(s) }
    static func list(_ s: String) -> [String] { TermReading.list(s) }
    static func offerType(_ s: String) -> OfferType? { TermReading.offerType(s) }
    static func targetGroup(_ s: String) -> TargetGroup? { TermReading.targetGroups(s) }
    static func feature(_ s: String) -> Feature? { TermReading.features(s) }
    static let targetGroupHint = TermReading.targetGroupHint
    static let targetGroupHintDanish = "fx autisme, udviklingshæmning, sindslidelse"

    static func targetGroups(_ s: String) -> TargetGroups? {
        let terms = list(s)
        guard !terms.isEmpty else { return nil }
        var out: [TargetGroup] = []
        for t in terms {
            guard let g = targetGroup(t) else { return nil }
            out.append(g)
        }
        return TargetGroups(out)
    }

    /// An exact decimal as (digits, scale), by the import's rule (`DecimalReading.decimal`),
    /// with a `%` after a percentage allowed; `plain`: the shortest text of a TOML float
    /// (`2150.0`). Trailing zeros of the fraction carry no precision and are dropped.
    static func decimal(_ text: String, plain: Bool = false) -> (Int64, Int)? {
        var t = trimmed(text)
        if !plain, t.hasSuffix("%") { t = trimmed(String(t.dropLast())) }
        guard var (value, scale) = plain ? DecimalReading.plainDecimal(t) : DecimalReading.decimal(t) else { return nil }
        while scale > 0 && value % 10 == 0 { value /= 10; scale -= 1 }
        return (value, scale)
    }
}
