import PlacementModel
import PlacementStore
import PlacementTestSupport
import Testing

/// "Waiting on day D" is one SQL rule (`WaitingPeriods.waitingOnSQL`) asked by the status, the
/// waiting list, the bridges (and the status's count of them) and `WaitingPeriods.on`: each of them answers exactly as the Swift
/// rule `DayInterval.contains` on the days around a period's first and last day.
@Suite struct WaitingOnDayTests {
    @Test(arguments: [
        // (until of the period that began 2026-01-10, the day asked)
        (Optional("2026-02-01"), "2026-01-09"), (Optional("2026-02-01"), "2026-01-10"),
        (Optional("2026-02-01"), "2026-01-31"), (Optional("2026-02-01"), "2026-02-01"),
        (nil, "2026-01-09"), (nil, "2026-01-10"), (nil, "2027-06-30"),
    ] as [(String?, String)])
    func everyReaderFollowsTheIntervalRule(until: String?, asked: String) throws {
        let period = DayInterval(from: Build.day("2026-01-10"), to: until.map(Build.day))
        let day = Build.day(asked)
        let db = try Build.database()
        try db.write { d in
            try Residences.insert(d, Build.residence("T1", places: 1))
            try Places.insert(d, Place(residenceId: "T1", id: "1"))
            try Citizens.insert(d, Build.citizen("B"))
            try WaitingPeriods.insert(d, WaitingPeriod(citizenId: "B", period: period, outcome: until == nil ? nil : .placed))
            // B lives meanwhile in a bridging stay that covers every day asked.
            let stay = try Placements.insert(d, Placement(citizenId: "B", residenceId: "T1", placeId: "1",
                                                          period: DayInterval(from: Build.day("2026-01-01"), to: nil)))
            try Bridges.mark(d, stayId: stay, bridge: true)
        }
        let expected = period.contains(day) ? ["B"] : []
        try db.read { d in
            #expect(try WaitingPeriods.on(d, day).map(\.citizenId) == expected)
            #expect(try WaitingList.on(d, day).entries.map(\.citizenId) == expected)
            #expect(try Bridges.on(d, day).map(\.citizenId) == expected)
            let status = try Status.summary(d, on: day)
            #expect(status.citizensWaiting == expected.count)
            #expect(status.longestWaitingCitizen == expected.first)
            // The status counts the bridges in its pass over the stays (`Bridges.bridgingSQL`).
            #expect(status.citizensBridging == expected.count)
        }
    }
}
