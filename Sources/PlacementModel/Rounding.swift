/// The tool's one rounding rule: a quotient of whole numbers rounded half away from zero
/// (`5 / 2` → 3, `-5 / 2` → -3), as Danish accounts and the state refund round. Amounts,
/// shares, per-mille figures and rates all round through here, so a figure printed by the
/// report, the plan and the spreadsheet is the same number.
public enum Rounding {
    /// `a / b` rounded half away from zero (`b` not 0; either sign). Generic so a sum that
    /// needs more than 64 bits (the strategic vacancy's weighted means, in `Int128`) rounds by
    /// the same rule; inlinable so the `Int64` calls of the hot loops stay as fast.
    @inlinable
    public static func divide<T: FixedWidthInteger & SignedInteger>(_ a: T, by b: T) -> T {
        precondition(b != 0)
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        if 2 * r.magnitude >= b.magnitude { return q + ((a < 0) != (b < 0) ? -1 : 1) }
        return q
    }
}
