import GRDB
import PlacementModel
import PlacementStore
import PlacementTestSupport

/// A small planning area (Horsens, 615) whose weekly figures for 2026-W47 (16-22 November
/// 2026) and 2026-W48 (23-29 November 2026) are computed by hand in `WeeklyFiguresTests`.
///
/// Own residences: R1 "Engen" (§ 108, 2.000 kr./day) with places 1, 2 and 3 (3 reserved);
/// R2 "Bakken" (§ 107, 1.500 kr./day) with places 1, 2 and 3 (3 closed).
/// External: X1 "Skovly" (private, Aarhus 751, § 108, 3.000 kr./day) and X2 "Fjordhuset"
/// (municipal, Vejle 630, § 107, 6.000 kr./day).
///
/// A  R1/1 since 2025-01-01.
/// B  X1 2025-06-01 to 2026-11-25, then home to R1/2 from 2026-11-25 (a move home in W48).
/// C  X2 since 2026-03-01 at an agreed 6.500 kr./day (2.372.500 kr. a year).
/// D  waiting since 2026-06-01, high urgency (§ 108).
/// E  waiting 2026-11-18 to 2026-11-24, then R2/1 from 2026-11-24.
/// F  R2/2 2026-01-10 to 2026-11-20, then nothing (left in W47).
/// G  waiting since 2026-11-26 (§ 108, referred in W48).
/// H  waiting since 2026-02-01, acute (§ 107).
/// I  X1 from 2026-11-23 at a stay rate of 3.200 kr./day (placed in W48).
/// J  X1 2024-01-01 to 2026-11-17, then X2 from 2026-11-17 (moved in W47), open to moving.
/// K  X1 2025-01-01 to 2026-11-28 (left in W48).
/// -  R2/2 from 2026-11-27: a citizen from outside the planning area.
///
/// Match runs: 1 on 2026-11-20; 2 a replay of 1 dated 2026-11-21; 3 on 2026-12-01 (after W48).
enum SmallWorld {
    static func make(language: Language = .da) throws -> PlacementDatabase {
        let db = try Build.database(area: [615], language: language)
        try db.write { d in
            var r1 = Build.residence("R1", offer: .sel108, places: 3, rateKr: 2000)
            r1.name = "Engen"
            var r2 = Build.residence("R2", offer: .sel107, places: 3, rateKr: 1500)
            r2.name = "Bakken"
            var x1 = Build.residence("X1", own: false, offer: .sel108, places: 20, rateKr: 3000, postcode: 8000, municipality: 751)
            x1.name = "Skovly"
            var x2 = Build.residence("X2", own: false, offer: .sel107, places: 10, rateKr: 6000, postcode: 7100, municipality: 630)
            x2.name = "Fjordhuset"
            x2.operatorKind = .municipal
            for r in [r1, r2, x1, x2] { try Residences.insert(d, r) }
            for id in ["1", "2"] { try Places.insert(d, Place(residenceId: "R1", id: id)) }
            try Places.insert(d, Place(residenceId: "R1", id: "3", status: .reserved))
            for id in ["1", "2"] { try Places.insert(d, Place(residenceId: "R2", id: id)) }
            try Places.insert(d, Place(residenceId: "R2", id: "3", status: .closed))

            func citizen(_ id: String, _ status: CitizenStatus, offer: OfferType = .sel108, urgency: Urgency = .normal,
                         referred: String? = nil, openToMove: Bool = false, agreedKr: Int64? = nil) throws {
                var c = Build.citizen(id, status: status, offer: offer, referred: referred, urgency: urgency)
                c.openToMove = openToMove
                c.agreedDailyRate = agreedKr.map { Money(kroner: $0) }
                try Citizens.insert(d, c)
            }
            try citizen("A", .placed)
            try citizen("B", .placed, openToMove: true)
            try citizen("C", .placed, offer: .sel107, agreedKr: 6500)
            try citizen("D", .waiting, urgency: .high, referred: "2026-06-01")
            try citizen("E", .placed, offer: .sel107, referred: "2026-11-18")
            try citizen("F", .left, offer: .sel107)
            try citizen("G", .waiting, referred: "2026-11-26")
            try citizen("H", .waiting, offer: .sel107, urgency: .acute, referred: "2026-02-01")
            try citizen("I", .placed)
            try citizen("J", .placed, offer: .sel107, openToMove: true)
            try citizen("K", .left)

            func stay(_ c: String?, _ r: String, _ place: String?, _ from: String, _ to: String?, rateKr: Int64? = nil) throws {
                try Placements.insert(d, Placement(citizenId: c, residenceId: r, placeId: place,
                                                   period: DayInterval(from: Build.day(from), to: to.map(Build.day)),
                                                   dailyRate: rateKr.map { Money(kroner: $0) }))
            }
            try stay("A", "R1", "1", "2025-01-01", nil)
            try stay("B", "X1", nil, "2025-06-01", "2026-11-25")
            try stay("B", "R1", "2", "2026-11-25", nil)
            try stay("C", "X2", nil, "2026-03-01", nil)
            try stay("E", "R2", "1", "2026-11-24", nil)
            try stay("F", "R2", "2", "2026-01-10", "2026-11-20")
            try stay(nil, "R2", "2", "2026-11-27", nil)
            try stay("I", "X1", nil, "2026-11-23", nil, rateKr: 3200)
            try stay("J", "X1", nil, "2024-01-01", "2026-11-17")
            try stay("J", "X2", nil, "2026-11-17", nil)
            try stay("K", "X1", nil, "2025-01-01", "2026-11-28")

            func wait(_ c: String, _ from: String, _ to: String?, _ outcome: WaitingPeriod.Outcome? = nil) throws {
                try WaitingPeriods.insert(d, WaitingPeriod(citizenId: c, period: DayInterval(from: Build.day(from), to: to.map(Build.day)),
                                                           outcome: outcome))
            }
            try wait("D", "2026-06-01", nil)
            try wait("E", "2026-11-18", "2026-11-24", .placed)
            try wait("G", "2026-11-26", nil)
            try wait("H", "2026-02-01", nil)

            try d.execute(sql: """
                INSERT INTO match_run(id, as_of, created_at, replay_of, policy, input, totals, solver) VALUES
                  (1, '2026-11-20', '2026-11-20T08:00:00Z', NULL, '{}', '{}', '{}', '{}'),
                  (2, '2026-11-21', '2026-11-21T08:00:00Z', 1, '{}', '{}', '{}', '{}'),
                  (3, '2026-12-01', '2026-12-01T08:00:00Z', NULL, '{}', '{}', '{}', '{}');
                INSERT INTO proposal(run_id, citizen_id, action, residence_id, place_id, move_in, annual_cost_gross_ore,
                                     annual_cost_net_ore, annual_saving_ore, distance_km, priority, reasons, status) VALUES
                  (1, 'D', 'place_own', 'R1', '3', '2026-12-01', 73000000, 73000000, NULL, 0, 2, '[]', 'declined'),
                  (1, 'H', 'no_fit', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, '[]', 'proposed'),
                  (1, 'B', 'bring_home', 'R1', '2', '2026-11-25', 73000000, 73000000, 36500000, 0, 3, '[]', 'accepted'),
                  (1, 'J', 'bring_home', 'R2', '1', '2026-12-01', 54750000, 54750000, 80000000, 0, 4, '[]', 'proposed'),
                  (2, 'D', 'buy_external', 'X1', NULL, '2026-12-01', 109500000, 109500000, NULL, 30, 2, '[]', 'proposed'),
                  (2, 'J', 'bring_home', 'R2', '1', '2026-12-01', 54750000, 54750000, 99900000, 0, 4, '[]', 'proposed'),
                  (3, 'D', 'buy_external', 'X1', NULL, '2026-12-05', 109500000, 109500000, NULL, 30, 2, '[]', 'proposed'),
                  (3, 'G', 'place_own', 'R1', '3', '2026-12-05', 73000000, 73000000, NULL, 0, 3, '[]', 'proposed');
                INSERT INTO decline(run_id, citizen_id, residence_id, reason, note, declined_on) VALUES
                  (1, 'D', 'R1', 'citizen_declined', NULL, '2026-11-24'),
                  (1, 'H', 'X2', 'provider_declined', 'Ingen ledig kapacitet; "venteliste" <5> & ny vurdering', '2026-11-25'),
                  (1, 'G', NULL, 'need_changed', NULL, '2026-11-29'),
                  (1, 'D', 'R2', 'provider_declined', NULL, '2026-11-22'),
                  (1, 'H', 'X1', 'citizen_declined', NULL, '2026-11-30');
                """)
        }
        return db
    }

    static let w47 = ISOWeek(year: 2026, week: 47)!
    static let w48 = ISOWeek(year: 2026, week: 48)!
}
