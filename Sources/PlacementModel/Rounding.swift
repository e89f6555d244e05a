/// The tool's one rounding rule: a quotient of whole numbers rounded half away from zero
/// (`5 / 2` → 3, `-5 / 2` → -3), as Danish accounts and the state refund round. Amounts,
/// shares, per-mille figures and rates all round through here, so a figure printed by the
/// report, the plan and the spreadsheet is the same number.
public enum Rounding {
    /// `a / b` rounded half away from zero (`b` not 0; either sign).
    public static func divide(_ a: Int64, by b: Int64) -> Int64 {
        precondition(b != 0)
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        if 2 * r.magnitude >= b.magnitude { return q + ((a < 0) != (b < 0) ? -1 : 1) }
        return q
    }
}
