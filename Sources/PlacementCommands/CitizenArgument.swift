import ArgumentParser
import PlacementImport
import PlacementModel
import PlacementStore

/// A citizen named on the command line: by pseudonym or case number as in the reports, or by
/// CPR number in any spelling, which is turned into its pseudonym with the database's key.
/// The number itself is never printed: messages name the pseudonym.
enum CitizenArgument {
    static func resolve(_ text: String, in db: PlacementDatabase) throws -> String {
        guard CPR.looksLikeCPR(text) else { return text }
        guard let pseudonymKey = try db.pseudonymKey() else {
            let path = try db.read(db.keyFileURL)?.path ?? "-"
            let language = try db.language()
            throw UserError(KeyText.missing(path, language), language: language)
        }
        // looksLikeCPR holds, so there is a pseudonym; the number itself is never echoed.
        guard let pseudonym = CPR.pseudonym(text, key: pseudonymKey) else { throw UserError(CPR.maskText(text)) }
        return pseudonym
    }
}

extension CitizenArgument {
    /// A CPR number given where the run id goes (`placement accept 0101901234`) would be read
    /// as a number and echoed by "no such run"; it is refused without being shown.
    static func refuseAsRunId(_ runId: Int64?) throws {
        guard let runId, CPR.looksLikeCPR(String(runId)) else { return }
        throw Refusal.error("Kørslens nummer ligner et CPR-nummer; angiv først kørslens nummer, så borgeren (se `placement match`).",
                            "The run id looks like a CPR number; give the run id first, then the citizen (see `placement match`).")
    }
}
