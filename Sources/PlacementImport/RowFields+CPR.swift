import PlacementModel
import PlacementStore

extension RowFields {
    /// The row's citizen id: a CPR number in any spelling (`CPR.digits`) becomes its pseudonym.
    /// Without the database's key such a row is refused, the number shown masked and kept nowhere.
    mutating func citizenId(key: PseudonymKey?) -> String? {
        guard let raw = text("citizen_id") else {
            error("citizen_id", words.requiredEmpty)
            return nil
        }
        guard CPR.looksLikeCPR(raw) else { return raw }
        guard let key else {
            error("citizen_id", words.cprWithoutKey, value: raw)
            return nil
        }
        return CPR.pseudonym(raw, key: key)
    }
}
