import PlacementModel
import PlacementStore

/// Pseudonyms of CPR numbers (recognised by `PlacementModel.CPR`, every spelling alike).
extension CPR {
    /// The pseudonym of `text` if it is a CPR number: every spelling of one number gives the
    /// same pseudonym, computed with the database's key (`PseudonymKey`, kept outside the file).
    public static func pseudonym(_ text: String, key: PseudonymKey) -> String? {
        digits(text).map(key.pseudonym(ofDigits:))
    }
}
