import Foundation
@testable import PlacementMatching
import PlacementModel
import Testing

/// A run stores each proposal's reasons as JSON; they are encoded in one pass over all the
/// proposals and cut apart (`MatchRuns.jsonEach`). Each piece must be byte for byte what the
/// proposal's reasons give encoded alone, whatever their strings hold.
@Suite struct StoredJSONTests {
    static let day = Day(iso: "2026-11-23")!
    static let lists: [[MatchReason]] = [
        [.priority(rank: 1, of: 3, urgency: .acute, waitingSince: day), .buyExternal(residence: "Opholdsstedet Skovgården", km: 24)],
        [],
        [.noFit],
        [.residence(name: "Bosted \"L\", [nord] {1}", km: nil, verdict: .wentToOthers(citizenIds: ["B3", "B,4"]))],
        [.worded(text: "a \\ b \\\" c / d, e] f} \u{1} æøå 😀"), .whyNotLocal],
        [.bringHome(residence: "R", from: nil, saving: Money(ore: 5), currentNet: Money(ore: -7), ownNet: .zero, threshold: Money(kroner: 100_000))],
        [.fitsOwn(residence: "Bostedet Lindely", offerType: .sel108, supportLevels: 2...4, km: 0, moveIn: day)],
    ]

    @Test func eachReasonListIsStoredAsItsOwnEncoding() throws {
        #expect(try MatchRuns.jsonEach(Self.lists) == Self.lists.map { try MatchRuns.json($0) })
        #expect(try MatchRuns.jsonEach([[MatchReason]]()) == [])
        #expect(try MatchRuns.jsonEach([Self.lists[1]]) == ["[]"])
    }

    @Test(arguments: ["[1,2", "1,2]", "[\"a]", "[1]]", "{}", ""])
    func findsNoElementsInWhatIsNotOneArray(text: String) {
        let found = Array(text.utf8).withUnsafeBytes { MatchRuns.topLevelElements(of: $0) }
        #expect(found.isEmpty)
    }
}
