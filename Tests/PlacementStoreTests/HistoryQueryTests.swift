import PlacementModel
import PlacementStore
import PlacementTestSupport
import Testing

/// "Who lived where on day D" and "who was waiting on day D" are answered from history.
@Suite struct HistoryQueryTests {
    @Test func answersOnAnyDay() throws {
        let db = try Build.database()
        try db.write { d in
            try Residences.insert(d, Build.residence("R1", places: 1))
            try Residences.insert(d, Build.residence("X1", own: false, postcode: 8000, municipality: 751))
            try Places.insert(d, Place(residenceId: "R1", id: "1"))
            try Citizens.insert(d, Build.citizen("A", status: .left))
            try Citizens.insert(d, Build.citizen("B", status: .placed))
            // A lived in R1 in January; B waited from 10 January and moved in on 1 February.
            try Placements.insert(d, Placement(citizenId: "A", residenceId: "R1", placeId: "1",
                                               period: DayInterval(from: Build.day("2026-01-01"), to: Build.day("2026-02-01"))))
            try WaitingPeriods.insert(d, WaitingPeriod(citizenId: "B", period: DayInterval(from: Build.day("2026-01-10"), to: Build.day("2026-02-01")), outcome: .placed))
            try Placements.insert(d, Placement(citizenId: "B", residenceId: "R1", placeId: "1",
                                               period: DayInterval(from: Build.day("2026-02-01"), to: nil)))
        }
        func living(_ iso: String) throws -> [String?] { try db.read { try Placements.on($0, Build.day(iso)).map(\.citizenId) } }
        func waiting(_ iso: String) throws -> [String] { try db.read { try WaitingPeriods.on($0, Build.day(iso)).map(\.citizenId) } }
        #expect(try living("2026-01-31") == ["A"])
        #expect(try living("2026-02-01") == ["B"])
        #expect(try living("2025-12-31").isEmpty)
        #expect(try waiting("2026-01-09").isEmpty)
        #expect(try waiting("2026-01-31") == ["B"])
        #expect(try waiting("2026-02-01").isEmpty)
        try db.read { d in
            let jan = try Status.summary(d, on: Build.day("2026-01-20"))
            #expect(jan.placesOccupied == 1 && jan.placesVacant == 0)
            #expect(jan.citizensWaiting == 1 && jan.longestWaitDays == 10 && jan.longestWaitingCitizen == "B")
            let feb = try Status.summary(d, on: Build.day("2026-02-01"))
            #expect(feb.citizensWaiting == 0 && feb.citizensPlacedOwn == 1 && feb.longestWaitDays == nil)
            #expect(feb.ownResidences == 1 && feb.externalResidences == 1)
        }
    }

    @Test func externalCostIsTheDailyRateOfStaysTimes365() throws {
        let db = try Build.database()
        try db.write { d in
            try Residences.insert(d, Build.residence("X1", own: false, rateKr: 3000, postcode: 8000, municipality: 751))
            try Citizens.insert(d, Build.citizen("A", status: .placed))
            try Citizens.insert(d, Build.citizen("B", status: .placed))
            try Placements.insert(d, Placement(citizenId: "A", residenceId: "X1", placeId: nil,
                                               period: DayInterval(from: Build.day("2026-01-01"), to: nil)))
            // B has an individually agreed rate of 5.000 kr.
            try Placements.insert(d, Placement(citizenId: "B", residenceId: "X1", placeId: nil,
                                               period: DayInterval(from: Build.day("2026-01-01"), to: nil), dailyRate: Money(kroner: 5000)))
        }
        let s = try db.read { try Status.summary($0, on: Build.day("2026-06-01")) }
        #expect(s.citizensPlacedExternal == 2)
        #expect(s.externalAnnualCost == Money(kroner: 8000 * 365))
    }
}
