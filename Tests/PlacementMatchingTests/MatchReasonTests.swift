import Foundation
import PlacementMatching
import PlacementModel
import PlacementReports
import Testing

/// A proposal's reasons are codes with their parameters, stored with the run and worded when
/// shown: the same code reads in Danish or English, and its stored form is plain JSON.
@Suite struct MatchReasonTests {
    static let july1 = Day(iso: "2026-07-01")!
    static let dec23 = Day(iso: "2026-12-23")!

    @Test(arguments: [
        (MatchReason.priority(rank: 8, of: 62, urgency: .high, waitingSince: july1),
         "Prioritet 8 af 62 (høj, venter siden 01-07-2026)", "Priority 8 of 62 (high, waiting since 2026-07-01)"),
        (.priority(rank: 1, of: 2, urgency: .acute, waitingSince: nil),
         "Prioritet 1 af 2 (akut, venter siden ?)", "Priority 1 of 2 (acute, waiting since ?)"),
        (.buyExternal(residence: "Opholdsstedet Skovgården", km: 24),
         "Ingen egen plads passer: billigste passende eksterne tilbud er Opholdsstedet Skovgården, 24 km fra netværket",
         "No own place fits: the cheapest fitting external residence is Opholdsstedet Skovgården, 24 km from the network"),
        (.fitsOwn(residence: "Bostedet Lindely", offerType: .sel108, supportLevels: 2...4, km: nil, moveIn: dec23),
         "Egen plads i Bostedet Lindely passer (§ 108, støtteniveau 2-4); indflytning 23-12-2026",
         "Own place at Bostedet Lindely fits (§ 108, support level 2-4); move-in 2026-12-23"),
        (.whyNotLocal, "Hvorfor ikke lokalt:", "Why not local:"),
        (.residence(name: "Bocentret Enghaven", km: nil, verdict: .rule(failure: .noVacancy(until: dec23))),
         "Bocentret Enghaven: ingen ledig plads inden 23-12-2026", "Bocentret Enghaven: no vacancy by 2026-12-23"),
        (.residence(name: "Bosted L", km: 12, verdict: .wentToHigher(competitors: [Competitor(citizenId: "B2", priority: 1, urgency: .acute)])),
         "Bosted L (12 km): passer, men pladsen gik til B2 med højere prioritet (1, akut)",
         "Bosted L (12 km): fits, but the place went to B2, higher priority (1, acute)"),
        (.residence(name: "Bosted L", km: 3, verdict: .wentToOthers(citizenIds: ["B3", "B4"])),
         "Bosted L (3 km): passer, men pladserne gik til B3, B4, så flest kunne bo lokalt",
         "Bosted L (3 km): fits, but its places went to B3, B4 so that the most citizens stay local"),
        (.freeChoice(wished: "Bosted X1", instead: "Bosted L", percentAbove: 8, marginPercent: 10),
         "Frit valg (SEL § 108 stk. 2 / ABL § 105): borgeren ønskede Bosted X1, 8 % dyrere end Bosted L (højst 10 %)",
         "Free choice (SEL § 108 stk. 2 / ABL § 105): the citizen wished for Bosted X1, 8% above Bosted L (at most 10%)"),
        (.bringHome(residence: "Bosted L", from: "Bosted X1", saving: Money(kroner: 150_000), currentNet: Money(kroner: 900_000),
                    ownNet: Money(kroner: 750_000), threshold: Money(kroner: 100_000)),
         "Hjemtagelse med samtykke fra Bosted X1 til Bosted L: sparer 150.000 kr. om året (900.000 kr. → 750.000 kr.; grænse 100.000 kr.)",
         "Bring home with consent from Bosted X1 to Bosted L: saves DKK 150,000 a year (DKK 900,000 → DKK 750,000; threshold DKK 100,000)"),
        // Worded by an older version: shown as stored, whatever the reader's language.
        (.worded(text: "Prioritet 3 af 9 (normal, venter siden 02-01-2026)"),
         "Prioritet 3 af 9 (normal, venter siden 02-01-2026)", "Prioritet 3 af 9 (normal, venter siden 02-01-2026)"),
    ])
    func aReasonReadsInTheReadersLanguage(reason: MatchReason, danish: String, english: String) throws {
        #expect(reason.text(.da) == danish)
        #expect(reason.text(.en) == english)
        // Stored and read back, it is the same code.
        let stored = try JSONEncoder().encode(reason)
        #expect(try JSONDecoder().decode(MatchReason.self, from: stored) == reason)
    }

    /// The stored form names the code and its parameters, so a run's reasons can be read (and
    /// queried with SQLite's JSON functions) without the program's words.
    @Test func theStoredFormIsTheCodeWithItsParameters() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = { (r: MatchReason) in String(decoding: try encoder.encode(r), as: UTF8.self) }
        #expect(try json(.buyExternal(residence: "Opholdsstedet Skovgården", km: 24))
                == #"{"buyExternal":{"km":24,"residence":"Opholdsstedet Skovgården"}}"#)
        #expect(try json(.residence(name: "Bosted L", km: nil, verdict: .rule(failure: .tooFar(km: 31, max: 20))))
                == #"{"residence":{"name":"Bosted L","verdict":{"rule":{"failure":{"tooFar":{"km":31,"max":20}}}}}}"#)
        #expect(try json(.worded(text: "Hvorfor ikke lokalt:")) == #"{"worded":{"text":"Hvorfor ikke lokalt:"}}"#)
        #expect(MatchReason.worded(text: "Hvorfor ikke lokalt:").isHeading && MatchReason.whyNotLocal.isHeading)
        #expect(!MatchReason.noFit.isHeading)
    }
}
