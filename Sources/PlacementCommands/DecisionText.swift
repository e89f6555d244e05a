import PlacementModel
import PlacementReports
import PlacementStore

/// The words of the decision commands (accept, decline, withdraw, revoke, move-in, conflicts)
/// in the database's language.
struct DecisionText {
    let language: Language
    let db: PlacementDatabase
    var f: DisplayFormat { DisplayFormat(language) }
    var da: Bool { language == .da }

    func residence(_ id: String) -> String {
        ((try? db.read { try Residences.find($0, id: id) }) ?? nil)?.name ?? id
    }

    func accepted(_ a: Acceptance) -> String {
        da ? "\(a.citizenId) flytter ind i \(residence(a.residenceId)) fra \(f.date(a.moveIn))"
            : "\(a.citizenId) moves into \(residence(a.residenceId)) from \(f.date(a.moveIn))"
    }

    func refused(_ r: AcceptOutcome.Refused) -> String {
        da ? "\(r.citizenId) ikke accepteret: \(r.why.text(language))" : "\(r.citizenId) not accepted: \(r.why.text(language))"
    }

    func acceptSummary(_ o: AcceptOutcome, run: Int64) -> String {
        let n = o.accepted.count, of = o.accepted.count + o.refused.count
        return da ? "Accepteret \(n) af \(of) forslag i kørsel \(run)." : "Accepted \(n) of \(of) proposal\(of == 1 ? "" : "s") of run \(run)."
    }

    /// A decline reason in a sentence: the report's label (`Labels`) in lower case.
    func reason(_ r: DeclineReason) -> String { Labels.of(language).name(r).lowercased() }

    /// How an export contradicts a decision: the domain's one wording (`ConflictKind.name`).
    func conflictKind(_ k: ConflictKind) -> String { k.name(language) }

    /// Who won by the rule, in words.
    func winner(_ k: ConflictKind) -> String {
        k.exportWins ? (da ? "eksporten gælder" : "the export wins") : (da ? "beslutningen gælder" : "the decision stands")
    }

    /// What the export showed and what became of the decision, in words.
    func conflictDetail(_ kind: ConflictKind, citizen: String, residence: String, moveIn: Day, exportResidence: String?,
                        exportDay: Day?, foundOn: Day) -> String {
        let planned = da ? "den planlagte indflytning i \(self.residence(residence)) fra \(f.date(moveIn))"
            : "the planned move-in into \(self.residence(residence)) from \(f.date(moveIn))"
        switch (kind, da) {
        case (.placedElsewhere, true):
            return "eksporten viser \(citizen) placeret i \(exportResidence.map(self.residence) ?? "-") fra \(exportDay.map(f.date) ?? "-"); \(planned) er trukket tilbage"
        case (.placedElsewhere, false):
            return "the export shows \(citizen) placed in \(exportResidence.map(self.residence) ?? "-") from \(exportDay.map(f.date) ?? "-"); \(planned) is withdrawn"
        case (.citizenLeft, true): return "eksporten viser \(citizen) som ikke længere i målgruppen; \(planned) er trukket tilbage"
        case (.citizenLeft, false): return "the export shows \(citizen) as no longer served; \(planned) is withdrawn"
        case (.grantChanged, true): return "eksporten har en ændret bevilling; \(planned) står ved magt"
        case (.grantChanged, false): return "the export has a changed grant; \(planned) stands"
        case (.overdue, true):
            return "eksporten viser stadig \(citizen) som ventende \(f.date(foundOn)), \(moveIn.days(until: foundOn)) dage efter \(planned)"
        case (.overdue, false):
            return "the export still shows \(citizen) waiting on \(f.date(foundOn)), \(moveIn.days(until: foundOn)) days after \(planned)"
        }
    }

    func conflict(_ c: ImportConflict) -> String {
        let state = c.resolution.map { r in
            r == .withdrawn ? (da ? "afgjort: trukket tilbage" : "resolved: withdrawn") : (da ? "afgjort" : "resolved")
        } ?? (da ? "åben" : "open")
        let detail = conflictDetail(c.kind, citizen: c.citizenId, residence: c.residenceId, moveIn: c.moveIn,
                                    exportResidence: c.exportResidenceId, exportDay: c.exportDay, foundOn: c.foundOn)
        return "\(c.id)  \(c.citizenId)  \(conflictKind(c.kind)) (\(winner(c.kind))): \(detail)  [\(c.source), \(f.date(c.foundOn)); \(state)]"
    }
}
