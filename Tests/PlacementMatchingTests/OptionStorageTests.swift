@testable import PlacementMatching
import PlacementModel
import Testing

/// The matcher keeps every citizen's options in one flat buffer (`OptionLists`), the options
/// themselves in 32-bit fields, distances in 16 bits, and groups citizens by keys that point
/// into the buffer: the storage shrank, and each of these must give back exactly what it was given.
@Suite struct OptionStorageTests {
    static func cost(_ objective: Int64, net: Int64 = 100) -> Costing.Cost {
        Costing.Cost(gross: Money(ore: net + 1), net: Money(ore: net), objective: objective)
    }

    @Test func listsComeBackAsAppendedAlsoAfterTrimming() {
        var lists = OptionLists<Int>()
        for list in [[3, 1, 2], [], [7], [], []] {
            for x in list { lists.append(x) }
            lists.endList()
        }
        for trimmed in [false, true] {
            if trimmed { lists.trim() }
            #expect(lists.count == 5)
            #expect((0..<5).map { Array(lists[$0]) } == [[3, 1, 2], [], [7], [], []])
            #expect(lists.all == [3, 1, 2, 7])
        }
    }

    @Test(arguments: [nil, 0, 1, 417, 20_015, Int(Int32.max)] as [Int?])
    func anOptionGivesBackItsClassResidenceAndDistance(km: Int?) {
        let day = Day(iso: "2026-11-23")!
        let own = Matcher.OwnOption(cls: 65_000, cost: Self.cost(-5), km: km, moveIn: day)
        #expect(own.cls == 65_000 && own.km == km && own.moveIn == day && own.cost == Self.cost(-5))
        let ext = Matcher.ExtOption(res: 8_123, cost: Self.cost(9), km: km)
        #expect(ext.res == 8_123 && ext.km == km && ext.cost == Self.cost(9))
    }

    /// Farther than any two postcodes: Copenhagen to the sea off New Zealand, near the antipode.
    @Test func aDistanceIsTheHaversinesOnEveryAsk() {
        let from = Coordinate.Prepared(Coordinate(latitude: 55.68, longitude: 12.57))
        let to = [Coordinate(latitude: 55.86, longitude: 9.85), Coordinate(latitude: -55.68, longitude: -167.43)].map(Coordinate.Prepared.init)
        let row = DistanceTable.LazyKilometres(from: from, to: to)
        for _ in 0..<2 {
            #expect(row[0] == from.wholeKilometres(to: to[0]))
            #expect(row[1] == from.wholeKilometres(to: to[1]))
        }
        #expect(row[1] > 20_000 - 100)
    }

    /// Citizens share a group of the cost stage when their options name the same targets at the
    /// same objective, in the same order, whatever their shown amounts or distances.
    @Test func citizensWithTheSameTargetsAndObjectivesShareAKey() {
        let day = Day(iso: "2026-11-23")!
        func own(_ pairs: [(Int, Int64)], km: Int? = 3) -> ArraySlice<Matcher.OwnOption> {
            ArraySlice(pairs.map { Matcher.OwnOption(cls: $0.0, cost: Self.cost($0.1), km: km, moveIn: day) })
        }
        func ext(_ pairs: [(Int, Int64)], net: Int64 = 100) -> ArraySlice<Matcher.ExtOption> {
            ArraySlice(pairs.map { Matcher.ExtOption(res: $0.0, cost: Self.cost($0.1, net: net), km: nil) })
        }
        let a = Matcher.OptionsKey(own: false, own([(1, 10)]), ext([(4, 40), (5, 50)]))
        // The same pairs with other amounts and distances: one group.
        #expect(a == Matcher.OptionsKey(own: false, own([(1, 10)], km: nil), ext([(4, 40), (5, 50)], net: 7)))
        #expect(Set([a, Matcher.OptionsKey(own: false, own([(1, 10)], km: 9), ext([(4, 40), (5, 50)]))]).count == 1)
        // Another objective, target, order or length, or the other role: another group.
        for other in [Matcher.OptionsKey(own: false, own([(1, 11)]), ext([(4, 40), (5, 50)])),
                      Matcher.OptionsKey(own: false, own([(2, 10)]), ext([(4, 40), (5, 50)])),
                      Matcher.OptionsKey(own: false, own([(1, 10)]), ext([(5, 50), (4, 40)])),
                      Matcher.OptionsKey(own: false, own([(1, 10)]), ext([(4, 40)])),
                      Matcher.OptionsKey(own: false, own([]), ext([(4, 40), (5, 50)])),
                      Matcher.OptionsKey(own: true, own([(1, 10)]), ext([(4, 40), (5, 50)]))] {
            #expect(a != other)
        }
        // The cost stage reads only the list of the citizen's role.
        #expect(Matcher.OptionsKey(own: true, ownOptions: own([(1, 10)]), extOptions: ext([(4, 40)]))
                == Matcher.OptionsKey(own: true, ownOptions: own([(1, 10)]), extOptions: ext([])))
        #expect(Matcher.OptionsKey(own: false, ownOptions: own([(1, 10)]), extOptions: ext([(4, 40)]))
                == Matcher.OptionsKey(own: false, ownOptions: own([(2, 99)]), extOptions: ext([(4, 40)])))
    }
}
