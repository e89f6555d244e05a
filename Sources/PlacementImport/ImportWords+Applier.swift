import PlacementModel

/// The sentences of the rows' checks against the database (`Applier`): residences, places
/// and stays that the stored data refuses, in the run's language. Each completes the value
/// it follows (`"R9" er ikke et kendt botilbud`).
extension ImportWords {
    private var da: Bool { language == .da }
    private func d(_ day: Day) -> String { day.danish }

    var notKnownResidence: String { da ? "er ikke et kendt botilbud" : "is not a known residence" }
    var namesUnknownResidence: String { da ? "nævner et ukendt botilbud" : "names an unknown residence" }
    var notKnownCitizen: String {
        da ? "er ikke en kendt borger; importér borgerarket med den" : "is not a known citizen; import the citizens sheet with it"
    }
    var externalHasNoPlaces: String {
        da ? "er et eksternt botilbud; pladser opgøres kun for egne botilbud"
            : "is an external residence; places are listed for own residences only"
    }
    func placeBeyondCount(_ listed: Int, _ residence: String, _ places: Int) -> String {
        da ? "er plads nr. \(listed) for botilbud \(residence) i dette ark, som har \(places) pladser (kolonnen pladser i "
                + "tilbudsarket); ret antallet af pladser, eller fjern pladsen"
            : "is place number \(listed) of residence \(residence) in this sheet, which has \(places) places (column places "
                + "of the residences sheet); correct the number of places or remove the place"
    }
    func notAfterStoredStay(_ residence: String, _ from: Day) -> String {
        da ? "er ikke efter det gemte ophold i \(residence) fra \(d(from)); ret historikken først"
            : "is not after the stored stay in \(residence) from \(d(from)); correct the history first"
    }
    func noFreePlace(from: Day, places: Int) -> String {
        da ? "har ingen ledig plads fra \(d(from)) (alle \(places) pladser er optaget)"
            : "has no free place from \(d(from)) (all \(places) places taken)"
    }
    func noFreePlace(from: Day, to: Day) -> String {
        da ? "har ingen ledig plads fra \(d(from)) til \(d(to))" : "has no free place from \(d(from)) to \(d(to))"
    }
    func placeOccupied(_ residence: String, from: Day) -> String {
        da ? "i botilbud \(residence) er allerede optaget af en anden borger fra \(d(from))"
            : "of residence \(residence) is already occupied by another citizen from \(d(from))"
    }
    var overlapsOwnStay: String { da ? "overlapper et andet ophold for samme borger" : "overlaps another stay of the same citizen" }
    func notAPlaceOf(_ residence: String) -> String {
        da ? "er ikke en plads i botilbud \(residence)" : "is not a place of residence \(residence)"
    }
    var refusedMissingReference: String {
        da ? "databasen afviste rækken: en henvisning til en række, der ikke findes"
            : "the database refused the row: a reference to a missing row"
    }
    func refused(_ message: String) -> String {
        da ? "databasen afviste rækken: \(message)" : "the database refused the row: \(message)"
    }
    func placeIgnoredExternal(_ residence: String, _ operatorName: String) -> String {
        da ? "ignoreres: botilbud \(residence) er eksternt (\(operatorName)), og pladser opgøres kun for egne botilbud"
            : "is ignored: residence \(residence) is external (\(operatorName)), and places are kept for own residences only"
    }
    func placeClosed(_ residence: String) -> String {
        da ? "er en plads i botilbud \(residence), der er markeret lukket; en borger kan ikke bo på en lukket plads. "
                + "Ret pladsens status eller borgerens plads"
            : "is a place of residence \(residence) marked closed; a citizen cannot live in a closed place. "
                + "Correct the place's status or the citizen's place"
    }
    func profileMismatch(_ mismatch: String) -> String {
        da ? "passer ikke til borgerens profil (\(mismatch)); importeret, som fagsystemet har det"
            : "does not fit the citizen's profile (\(mismatch)); imported as the case system has it"
    }
    func targetGroupMismatch(_ residence: String, _ citizen: String) -> String {
        da ? "målgrupper \(residence), borgerens \(citizen)" : "target groups \(residence), citizen's \(citizen)"
    }
    func ageMismatch(_ low: Int, _ high: Int, _ age: Int) -> String {
        da ? "alder \(low)-\(high), borgeren er \(age) ved indflytning" : "age \(low)-\(high), citizen is \(age) at move-in"
    }
    func afterClosing(_ residence: String, _ closes: Day) -> String {
        da ? "er på eller efter den dag, botilbud \(residence) lukker (lukker \(d(closes))); et ophold skal begynde før"
            : "is on or after the day residence \(residence) closes (closes_on \(d(closes))); a stay must begin before it"
    }
    // A conflict with a decision, as the audit log and the withdrawn acceptance keep it.
    private func day(_ d: Day?) -> String { d.map { da ? $0.danish : $0.iso } ?? "-" }
    func conflictPlacedElsewhere(_ residence: String?, from: Day?, planned: String, moveIn: Day) -> String {
        da ? "udtrækket viser borgeren placeret i \(residence ?? "-") fra \(day(from)), ikke i \(planned) fra \(day(moveIn))"
            : "the export shows the citizen placed in \(residence ?? "-") from \(day(from)), not in \(planned) from \(day(moveIn))"
    }
    func conflictNoLongerServed(_ planned: String, moveIn: Day) -> String {
        da ? "udtrækket viser, at borgeren ikke længere modtager tilbuddet; den planlagte indflytning i \(planned) fra \(day(moveIn)) er trukket tilbage"
            : "the export shows the citizen no longer served; the planned move-in into \(planned) from \(day(moveIn)) is withdrawn"
    }
    func conflictOverdue(on asOf: Day, days: Int, planned: String, moveIn: Day) -> String {
        da ? "udtrækket viser stadig borgeren som ventende den \(day(asOf)), \(days) dage efter den planlagte indflytning i \(planned) fra \(day(moveIn))"
            : "the export still shows the citizen waiting on \(day(asOf)), \(days) days after the planned move-in into \(planned) from \(day(moveIn))"
    }

    /// A place a places sheet declares vacant or closed while a citizen lives in it.
    func declaredButLived(_ place: String, _ residence: String, on day: Day, since: Day, citizenRow: (file: String, row: Int)?) -> String {
        let source = citizenRow.map { da ? "; \($0.file) række \($0.row)" : "; \($0.file) row \($0.row)" } ?? ""
        return da ? "men en borger bor på plads \(place) i botilbud \(residence) den \(d(day)) (siden \(d(since))\(source)); "
                + "ret pladsens status eller borgerens ophold"
            : "but a citizen lives in place \(place) of residence \(residence) on \(d(day)) (since \(d(since))\(source)); "
                + "correct the place's status, or the citizen's stay"
    }
}
