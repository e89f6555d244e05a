import PlacementImport
import PlacementModel
import PlacementStore

/// What an import changed, per citizen and residence, in the planner's words ("B0001455
/// placeret i Botilbuddet Møllebakken fra 26-11-2026"), then the conflicts with decisions.
struct ImportChangeText {
    let language: Language
    let db: PlacementDatabase
    /// At most this many change lines are printed; `--json` lists them all.
    var limit = 50

    private var da: Bool { language == .da }
    private var f: DisplayFormat { DisplayFormat(language) }

    /// The day the import's files describe (`--as-of`).
    var asOf: Day

    func lines(_ r: ImportReport) -> [String] {
        var out: [String] = []
        let shown = r.changes.prefix(limit)
        let residencesAndCitizens = r.sheets.filter { $0.kind == .residences || $0.kind == .citizens }
        if !r.changes.isEmpty && !residencesAndCitizens.isEmpty
            && residencesAndCitizens.allSatisfy({ $0.updated == 0 && $0.unchanged == 0 }) {
            // A first import: every residence and citizen is new, as the counts above say; no
            // list of them all.
            out.append(da ? "Alle rækker er nye (--json viser hver ændring)." : "Every row is new (--json lists each change).")
        } else if !shown.isEmpty {
            out.append(da ? "Ændringer:" : "Changes:")
            out += shown.map { "  " + line($0) }
            let more = r.changes.count - shown.count + r.changesNotListed
            if more > 0 { out.append(da ? "  … og \(more) ændringer mere (--json viser alle)" : "  … and \(more) more changes (--json lists them all)") }
        }
        if let why = r.filesNotLogged {
            out.append(da ? "Importen ændrede intet, men dens post i revisionsloggen blev ikke skrevet: \(why)"
                       : "The import changed nothing, but its audit log entry was not written: \(why)")
        }
        if !r.conflicts.isEmpty {
            let words = DecisionText(language: language, db: db)
            out.append(da ? "Konflikter med planlæggerens beslutninger (se `placement conflicts`):"
                       : "Conflicts with the planner's decisions (see `placement conflicts`):")
            out += r.conflicts.map { c in
                let detail = words.conflictDetail(c.kind, citizen: c.citizenId, residence: c.residenceId, moveIn: c.moveIn,
                                                  exportResidence: c.exportResidenceId, exportDay: c.exportDay, foundOn: asOf)
                return "  \(c.citizenId): \(words.conflictKind(c.kind)) (\(words.winner(c.kind))): \(detail)"
            }
        }
        return out
    }

    private func name(_ id: String?) -> String {
        guard let id else { return "-" }
        return ((try? db.read { try Residences.find($0, id: id) }) ?? nil)?.name ?? id
    }

    private func day(_ d: Day?) -> String { d.map(f.date) ?? "-" }

    func line(_ c: ImportChange) -> String {
        let who = c.citizenId ?? c.residenceId ?? "-"
        switch (c.kind, da) {
        case (.newWaiting, true): return "\(who) ny på ventelisten fra \(day(c.day))"
        case (.newWaiting, false): return "\(who) new on the waiting list from \(day(c.day))"
        case (.placed, true): return "\(who) placeret i \(name(c.residenceId)) fra \(day(c.day))"
        case (.placed, false): return "\(who) placed in \(name(c.residenceId)) from \(day(c.day))"
        case (.moved, true): return "\(who) flyttet fra \(name(c.fromResidenceId)) til \(name(c.residenceId)) fra \(day(c.day))"
        case (.moved, false): return "\(who) moved from \(name(c.fromResidenceId)) to \(name(c.residenceId)) from \(day(c.day))"
        case (.waitingAgain, true): return "\(who) venter igen: opholdet i \(name(c.residenceId)) sluttede \(day(c.day))"
        case (.waitingAgain, false): return "\(who) waiting again: the stay in \(name(c.residenceId)) ended \(day(c.day))"
        case (.left, true):
            return c.residenceId.map { "\(who) fraflyttet \(name($0)) \(day(c.day))" } ?? "\(who) ikke længere på ventelisten fra \(day(c.day))"
        case (.left, false):
            return c.residenceId.map { "\(who) left \(name($0)) \(day(c.day))" } ?? "\(who) no longer on the waiting list from \(day(c.day))"
        case (.updated, _), (.residenceUpdated, _):
            let prefix = c.kind == .residenceUpdated ? "\(who) \(name(c.residenceId))" : who
            return "\(prefix): " + c.fields.map { "\(label($0.field)) \(value($0.old)) → \(value($0.new))" }.joined(separator: "; ")
        case (.movedIn, true): return "\(who) flyttet ind i \(name(c.residenceId)) fra \(day(c.day)) (planlagt indflytning bekræftet)"
        case (.movedIn, false): return "\(who) moved into \(name(c.residenceId)) from \(day(c.day)) (planned move-in confirmed)"
        case (.withdrawn, true): return "\(who): planlagt indflytning i \(name(c.residenceId)) fra \(day(c.day)) trukket tilbage"
        case (.withdrawn, false): return "\(who): planned move-in into \(name(c.residenceId)) from \(day(c.day)) withdrawn"
        case (.reassessed, true): return "\(who) revurderet: venter igen"
        case (.reassessed, false): return "\(who) re-assessed: waiting again"
        case (.residenceNew, true): return "\(who) \(name(c.residenceId)) nyt botilbud"
        case (.residenceNew, false): return "\(who) \(name(c.residenceId)) new residence"
        }
    }

    private func value(_ v: String?) -> String { v ?? (da ? "ingen" : "none") }

    /// The planners' name of a field of a citizen or a residence.
    private func label(_ field: String) -> String {
        let names: [String: (String, String)] = [
            "maxDistanceKm": ("maks. afstand (km)", "max. distance (km)"),
            "supportLevel": ("støtteniveau", "support level"),
            "offerType": ("tilbudstype", "offer type"),
            "targetGroups": ("målgrupper", "target groups"),
            "requiredFeatures": ("krav til boligen", "required features"),
            "urgency": ("hastegrad", "urgency"),
            "referredOn": ("visiteret", "referred on"),
            "neededBy": ("senest", "needed by"),
            "openToMove": ("åben for flytning", "open to move"),
            "agreedDailyRate": ("aftalt døgntakst", "agreed daily rate"),
            "preferredResidences": ("ønskede tilbud", "preferred residences"),
            "excludedResidences": ("fravalgte tilbud", "excluded residences"),
            "networkPostcode": ("netværkets postnummer", "network postcode"),
            "homeMunicipalityCode": ("hjemkommune", "home municipality"),
            "birthYear": ("fødselsår", "birth year"),
            "places": ("pladser", "places"),
            "dailyRate": ("døgntakst", "daily rate"),
            "name": ("navn", "name"),
            "closesOn": ("lukker", "closes on"),
            "opensOn": ("åbner", "opens on"),
        ]
        guard let n = names[field] else { return field }
        return da ? n.0 : n.1
    }
}
