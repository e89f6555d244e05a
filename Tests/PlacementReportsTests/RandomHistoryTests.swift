import PlacementModel
import PlacementReports
import PlacementStore
import PlacementTestSupport
import Testing

/// The SQL of the report against the obvious day-by-day computation in Swift and against
/// `placement status`, on random histories.
@Suite struct RandomHistoryTests {
    static let start = Build.day("2026-05-04")   // a Monday
    static let end = Build.day("2026-12-28")

    /// Own residences with places (some reserved or closed), external ones, and citizens who
    /// wait, live in own places, external residences, move between them and leave.
    static func world(seed: UInt64) throws -> PlacementDatabase {
        var rng = SplitMix64(state: seed)
        let db = try Build.database()
        try db.write { d in
            var ownPlaces: [(String, String)] = []
            for i in 1...3 {
                try Residences.insert(d, Build.residence("R\(i)", places: 4, rateKr: Int64(1000 * i + 500)))
                for p in 1...4 {
                    let status: PlaceStatus = rng.chance(10) ? .reserved : rng.chance(8) ? .closed : .vacant
                    try Places.insert(d, Place(residenceId: "R\(i)", id: "\(p)", status: status))
                    ownPlaces.append(("R\(i)", "\(p)"))
                }
            }
            for i in 1...3 {
                var x = Build.residence("X\(i)", own: false, places: 50, rateKr: Int64(2500 * i), postcode: 8000, municipality: 751)
                x.operatorKind = i == 2 ? .regional : .private
                try Residences.insert(d, x)
            }
            var placeFree: [String: Day] = [:]   // "R1/2" -> the first day the place is free
            for c in 1...40 {
                let id = "C\(c)"
                var citizen = Build.citizen(id, status: .placed, referred: nil)
                citizen.openToMove = rng.chance(50)
                if rng.chance(30) { citizen.agreedDailyRate = Money(kroner: Int64(rng.int(2000...9000))) }
                try Citizens.insert(d, citizen)
                var day = start.adding(days: rng.int(-60...120))
                // Some wait first.
                if rng.chance(60) {
                    let wait = rng.int(0...150)
                    let until = day.adding(days: wait)
                    let open = until >= end || rng.chance(15)
                    try WaitingPeriods.insert(d, WaitingPeriod(
                        citizenId: id, period: DayInterval(from: day, to: open ? nil : until), outcome: open ? nil : .placed))
                    if open { continue }
                    day = until
                }
                // Then one to three stays, back to back or with a gap.
                for _ in 0..<rng.int(1...3) where day < end {
                    let length = rng.int(3...200)
                    let to: Day? = rng.chance(25) ? nil : day.adding(days: length)
                    var placed = false
                    if rng.chance(55) {
                        // An own place free for the whole stay.
                        for (r, p) in ownPlaces.shuffled(using: &rng) {
                            let key = "\(r)/\(p)"
                            if (placeFree[key] ?? Day(daysSinceEpoch: 0)) <= day {
                                try Placements.insert(d, Placement(citizenId: id, residenceId: r, placeId: p,
                                                                   period: DayInterval(from: day, to: to)))
                                placeFree[key] = to ?? Day(daysSinceEpoch: Int32.max / 2)
                                placed = true
                                break
                            }
                        }
                    }
                    if !placed {
                        let rate: Money? = rng.chance(30) ? Money(kroner: Int64(rng.int(1000...8000))) : nil
                        try Placements.insert(d, Placement(citizenId: id, residenceId: "X\(rng.int(1...3))", placeId: nil,
                                                           period: DayInterval(from: day, to: to), dailyRate: rate))
                    }
                    guard let to else { break }
                    day = to.adding(days: rng.chance(70) ? 0 : rng.int(1...30))
                }
            }
            // Citizens from outside the area in free own places.
            for (r, p) in ownPlaces where rng.chance(20) {
                let key = "\(r)/\(p)"
                let from = max(placeFree[key] ?? start, start).adding(days: rng.int(0...60))
                if from < end {
                    try Placements.insert(d, Placement(citizenId: nil, residenceId: r, placeId: p,
                                                       period: DayInterval(from: from, to: from.adding(days: rng.int(5...90)))))
                }
            }
        }
        return db
    }

    /// `placement status` counts in SQL; here every figure is worked out from the records
    /// themselves, every fourth day of six histories.
    @Test func statusAgreesWithTheRecords() throws {
        var seen = (reservedTaken: 0, closed: 0, outsiders: 0, agreed: 0, external: 0, waiting: 0)
        for seed in 1...6 as ClosedRange<UInt64> { try statusAgreesWithTheRecords(seed: seed, seen: &seen) }
        // The histories exercise each rule: reserved or closed places lived in, stays of no
        // citizen of ours, agreed rates, external stays and waits.
        #expect(seen.reservedTaken > 0)
        #expect(seen.closed > 0)
        #expect(seen.outsiders > 0)
        #expect(seen.agreed > 0)
        #expect(seen.external > 0)
        #expect(seen.waiting > 0)
    }

    func statusAgreesWithTheRecords(seed: UInt64, seen: inout (reservedTaken: Int, closed: Int, outsiders: Int, agreed: Int, external: Int, waiting: Int)) throws {
        let db = try Self.world(seed: seed)
        let all = try db.read { try Placements.all($0) }
        let places = try db.read { try Places.all($0) }
        let periods = try db.read { try WaitingPeriods.all($0) }
        let residences = Dictionary(uniqueKeysWithValues: try db.read { try Residences.all($0) }.map { ($0.id, $0) })
        let citizens = Dictionary(uniqueKeysWithValues: try db.read { try Citizens.all($0) }.map { ($0.id, $0) })
        let ownPlaces = places.filter { residences[$0.residenceId]!.isOwn }
        var day = Self.start.adding(days: -60)
        while day < Self.end {
            let s = try db.read { try Status.summary($0, on: day) }
            let covering = all.filter { $0.period.contains(day) }
            let stays = covering.filter { $0.citizenId != nil }
            let external = stays.filter { !residences[$0.residenceId]!.isOwn }
            #expect(s.citizensPlacedOwn == stays.count - external.count)
            #expect(s.citizensPlacedExternal == external.count)
            let rate = { (p: Placement) in p.dailyRate ?? citizens[p.citizenId!]!.agreedDailyRate ?? residences[p.residenceId]!.dailyRate }
            #expect(s.externalAnnualCost == external.map(rate).sum().perYear)
            let taken = Set(covering.compactMap { p in p.placeId.map { "\(p.residenceId)/\($0)" } })
            let free = ownPlaces.filter { !taken.contains("\($0.residenceId)/\($0.id)") }
            #expect(s.ownPlaces == ownPlaces.count)
            #expect(s.placesOccupied == ownPlaces.count - free.count)
            #expect(s.placesReserved == free.filter { $0.status == .reserved }.count)
            #expect(s.placesClosed == free.filter { $0.status == .closed }.count)
            #expect(s.placesVacant == free.filter { $0.status != .reserved && $0.status != .closed }.count)
            let waiting = periods.filter { $0.period.contains(day) }
            let longest = waiting.min { ($0.period.from, $0.citizenId) < ($1.period.from, $1.citizenId) }
            #expect(s.citizensWaiting == waiting.count)
            #expect(s.longestWaitingCitizen == longest?.citizenId)
            #expect(s.longestWaitDays == longest.map { $0.period.from.days(until: day) })
            seen.reservedTaken += ownPlaces.filter { $0.status != .vacant && taken.contains("\($0.residenceId)/\($0.id)") }.count
            seen.closed += s.placesClosed
            seen.outsiders += covering.filter { $0.citizenId == nil }.count
            seen.agreed += external.filter { $0.dailyRate == nil && citizens[$0.citizenId!]!.agreedDailyRate != nil }.count
            seen.external += external.count
            seen.waiting += waiting.count
            day = day.adding(days: 4)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func figuresAgreeWithDayByDayAndStatus(seed: UInt64) throws {
        let db = try Self.world(seed: seed)
        let all = try db.read { try Placements.all($0) }
        let places = try db.read { try Places.all($0) }
        let residences = Dictionary(uniqueKeysWithValues: try db.read { try Residences.all($0) }.map { ($0.id, $0) })
        let citizens = Dictionary(uniqueKeysWithValues: try db.read { try Citizens.all($0) }.map { ($0.id, $0) })
        var week = ISOWeek(containing: Self.start.adding(days: 70))
        var seen = (made: 0, moved: 0, home: 0, left: 0, vacancy: 0, waiting: 0, outsiders: 0)
        defer {
            // The world exercises what is compared.
            #expect(seen.made > 0 && seen.moved > 0 && seen.left > 0 && seen.vacancy > 0 && seen.waiting > 0)
        }
        for _ in 0..<12 {
            let f = try db.weeklyFigures(week, trendWeeks: 8)
            let h = f.headline
            // Sunday against `placement status`.
            let s = try db.read { try Status.summary($0, on: week.sunday) }
            #expect(h.waiting == s.citizensWaiting && h.longestWaitDays == s.longestWaitDays)
            #expect(h.placedOwn == s.citizensPlacedOwn && h.placedExternal == s.citizensPlacedExternal)
            #expect(h.externalAnnualCost == s.externalAnnualCost)
            #expect(h.ownPlaces == s.ownPlaces && h.placesOccupied == s.placesOccupied && h.placesVacant == s.placesVacant)
            #expect(h.placesReserved == s.placesReserved && h.placesClosed == s.placesClosed)

            // Vacancy, day by day.
            var vacancyDays = 0, vacancyCost = Money.zero
            for i in 0..<7 {
                let day = week.monday.adding(days: i)
                let occupied = Set(all.filter { $0.placeId != nil && $0.period.contains(day) }.map { "\($0.residenceId)/\($0.placeId!)" })
                for p in places where p.status != .reserved && p.status != .closed && !occupied.contains("\(p.residenceId)/\(p.id)") {
                    vacancyDays += 1
                    vacancyCost += residences[p.residenceId]!.dailyRate
                }
            }
            #expect(h.vacancyDays == vacancyDays && h.vacancyCost == vacancyCost)
            #expect(f.residences.reduce(0) { $0 + $1.vacancyDays } == vacancyDays)

            // The median wait, from the waits on Sunday.
            let waits = try db.read { try WaitingPeriods.on($0, week.sunday) }.map { $0.period.from.days(until: week.sunday) }.sorted()
            let median = waits.isEmpty ? nil : Median(twice: waits[(waits.count - 1) / 2] + waits[waits.count / 2])
            #expect(h.medianWaitDays == median)

            // Stays starting in the week, moves home, changes.
            let inWeek = { (d: Day) in week.monday <= d && d < week.nextMonday }
            let started = all.filter { $0.citizenId != nil && inWeek($0.period.from) }
            #expect(h.placementsOwn == started.filter { residences[$0.residenceId]!.isOwn }.count)
            #expect(h.placementsExternal == started.filter { !residences[$0.residenceId]!.isOwn }.count)
            let previousOf = { (p: Placement) in all.first { $0.citizenId == p.citizenId && $0.period.to == p.period.from } }
            let home = started.filter { p in
                residences[p.residenceId]!.isOwn && previousOf(p).map { !residences[$0.residenceId]!.isOwn } == true
            }
            #expect(h.movesHome == home.count)
            seen.made += h.placementsMade
            seen.home += h.movesHome
            seen.vacancy += h.vacancyDays
            seen.waiting += h.waiting
            seen.moved += f.changes.filter { $0.kind == .moved }.count
            seen.left += f.changes.filter { $0.kind == .left }.count
            seen.outsiders += all.filter { $0.citizenId == nil && $0.period.contains(week.sunday) }.count
            #expect(f.changes.filter { $0.kind == .moved }.count == started.filter { previousOf($0) != nil }.count)
            let left = all.filter { p in
                p.citizenId != nil && p.period.to.map(inWeek) == true
                    && !all.contains { $0.citizenId == p.citizenId && $0.period.from == p.period.to }
            }
            #expect(f.changes.filter { $0.kind == .left }.count == left.count)

            // External groups and expensive cases from the stays on Sunday.
            let external = all.filter { $0.citizenId != nil && $0.period.contains(week.sunday) && !residences[$0.residenceId]!.isOwn }
            let rate = { (p: Placement) in p.dailyRate ?? citizens[p.citizenId!]!.agreedDailyRate ?? residences[p.residenceId]!.dailyRate }
            #expect(f.external.byOperator.map(\.annualCost).sum() == external.map(rate).sum().perYear)
            #expect(f.external.expensive.count == external.filter { rate($0).perYear > WeeklyFigures.expensiveThreshold }.count)
            #expect(f.bringHome.count == external.filter { citizens[$0.citizenId!]!.openToMove }.count)

            // Every trend point against `placement status` on its Sunday.
            for t in f.trend {
                let st = try db.read { try Status.summary($0, on: t.week.sunday) }
                #expect(t.waiting == st.citizensWaiting && t.placesOccupied == st.placesOccupied)
                #expect(t.externalCount == st.citizensPlacedExternal && t.externalAnnualCost == st.externalAnnualCost)
                let w = try db.read { try WaitingPeriods.on($0, t.week.sunday) }.map { $0.period.from.days(until: t.week.sunday) }.sorted()
                #expect(t.medianWaitDays == (w.isEmpty ? nil : Median(twice: w[(w.count - 1) / 2] + w[w.count / 2])))
            }
            week = week.next
        }
    }
}

