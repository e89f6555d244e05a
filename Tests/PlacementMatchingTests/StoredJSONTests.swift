import Foundation
@testable import PlacementMatching
import PlacementModel
import PlacementTestSupport
import Testing

/// A run is stored as JSON (`MatchRuns.json`, `jsonEach`) written by `StoredJSON`, which must
/// write byte for byte what `JSONEncoder` with sorted keys writes, so that stored runs read back
/// as they always did; where it cannot, it says so and `JSONEncoder` writes instead.
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
        [.residence(name: "N", km: 3, verdict: .rule(failure: .supportLevel(range: 1...3, needs: 5))),
         .residence(name: "M", km: nil, verdict: .wentToHigher(competitors: [Competitor(citizenId: "C1", priority: 2, urgency: .high)]))],
    ]

    static func reference(_ value: some Encodable) throws -> [UInt8] { [UInt8](try MatchRuns.encoder.encode(value)) }

    static func written(_ value: some Encodable) throws -> [UInt8]? {
        var bytes: [UInt8] = []
        return try StoredJSON.append(value, to: &bytes) ? bytes : nil
    }

    @Test func eachReasonListIsStoredAsJSONEncoderWritesIt() throws {
        #expect(try MatchRuns.jsonEach(Self.lists) == Self.lists.map { String(decoding: try Self.reference($0), as: UTF8.self) })
        #expect(try MatchRuns.jsonEach([[MatchReason]]()) == [])
        #expect(try MatchRuns.jsonEach([Self.lists[1]]) == ["[]"])
    }

    @Test func writesKnownBytes() throws {
        #expect(try Self.written(Money(ore: -7)) == Array(#"{"ore":-7}"#.utf8))
        #expect(try Self.written(["a\"b\\c/d\u{1}\u{8}\u{c}\n\r\t\u{1f}\u{7f}é"]) == Array(#"["a\"b\\c/d\u0001\b\f\n\r\t\u001f"#.utf8) + [0x7F] + Array("é\"]".utf8))
        #expect(try Self.written(["b": 1, "B": 2, "a10": 3, "a9": 4, "é": 5, "_": 6]) == Array(#"{"B":2,"_":6,"a10":3,"a9":4,"b":1,"é":5}"#.utf8))
        #expect(try Self.written([1.0, 0.5, 1e-7, 1e16, -0.0, 55.6761]) == Array("[1,0.5,1e-07,1e+16,-0,55.6761]".utf8))
        #expect(try Self.written([Int64.min, Int64.max, 0, -9, 10]) == Array("[-9223372036854775808,9223372036854775807,0,-9,10]".utf8))
        #expect(try Self.written([Optional<Int>.none, 3]) == Array("[null,3]".utf8))
        #expect(try Self.written(MatchReason.whyNotLocal) == Array(#"{"whyNotLocal":{}}"#.utf8))
        #expect(try Self.written(Self.lists[6]) == Array(#"[{"fitsOwn":{"km":0,"moveIn":{"daysSinceEpoch":20780},"offerType":"SEL108","residence":"Bostedet Lindely","supportLevels":[2,4]}}]"#.utf8))
    }

    @Test func appendsAfterWhatTheBufferHolds() throws {
        var bytes = Array("x".utf8)
        #expect(try StoredJSON.append([1, 2], to: &bytes))
        #expect(bytes == Array("x[1,2]".utf8))
    }

    @Test(arguments: 0..<30)
    func writesJSONEncodersBytesForAnyInput(seed: UInt64) throws {
        var random = SplitMix64(state: seed)
        let input = Self.randomInput(&random)
        #expect(try Self.written(input) == Self.reference(input))
        #expect(try MatchRuns.json(input) == String(decoding: try Self.reference(input), as: UTF8.self))
        let decoded = try JSONDecoder().decode(MatchInput.self, from: Data(try MatchRuns.json(input).utf8))
        #expect(decoded == input)
    }

    @Test func writesJSONEncodersBytesForARunsReasonsTotalsStagesAndPolicy() throws {
        var random = SplitMix64(state: 99)
        let input = Self.randomInput(&random)
        let result = try Matcher(input: input, policy: MatchPolicy(), language: .en).run()
        #expect(result.proposals.contains { $0.reasons.count > 2 })
        for p in result.proposals { #expect(try Self.written(p.reasons) == Self.reference(p.reasons)) }
        #expect(try Self.written(result.totals) == Self.reference(result.totals))
        #expect(try Self.written(result.stages) == Self.reference(result.stages))
        #expect(try Self.written(MatchPolicy()) == Self.reference(MatchPolicy()))
    }

    struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
    struct TwoContainers: Encodable {
        enum K: CodingKey { case a, b }
        func encode(to encoder: any Encoder) throws {
            var first = encoder.container(keyedBy: K.self)
            try first.encode(1, forKey: .a)
            var second = encoder.container(keyedBy: K.self)
            try second.encode(2, forKey: .b)
        }
    }
    struct OutOfOrder: Encodable {
        enum K: CodingKey { case a, b }
        func encode(to encoder: any Encoder) throws {
            var top = encoder.container(keyedBy: K.self)
            var inner = top.nestedUnkeyedContainer(forKey: .a)
            try top.encode(2, forKey: .b)
            try inner.encode(1)
        }
    }
    struct Twice: Encodable {
        enum K: String, CodingKey { case a }
        func encode(to encoder: any Encoder) throws {
            var top = encoder.container(keyedBy: K.self)
            try top.encode(2, forKey: .a)
            try top.encode(1, forKey: .a)
            var more = encoder.container(keyedBy: K.self)
            _ = more
        }
    }
    struct Super: Encodable {
        enum K: CodingKey { case a }
        func encode(to encoder: any Encoder) throws {
            var top = encoder.container(keyedBy: K.self)
            try 1.encode(to: top.superEncoder())
        }
    }

    /// What the writer does not do leaves the buffer as it was, and `json` writes it with `JSONEncoder`.
    @Test func declinesWhatItDoesNotWriteAsJSONEncoderDoes() throws {
        var bytes = Array("kept".utf8)
        #expect(try !StoredJSON.append([Date(timeIntervalSince1970: 5)], to: &bytes))
        #expect(try !StoredJSON.append([Float(1.5)], to: &bytes))
        #expect(try !StoredJSON.append(["u": URL(fileURLWithPath: "/tmp")], to: &bytes))
        #expect(try !StoredJSON.append([Double.nan], to: &bytes))
        #expect(try !StoredJSON.append([Nothing()], to: &bytes))
        #expect(try !StoredJSON.append(TwoContainers(), to: &bytes))
        #expect(try !StoredJSON.append(OutOfOrder(), to: &bytes))
        #expect(try !StoredJSON.append(Twice(), to: &bytes))
        #expect(try !StoredJSON.append(Super(), to: &bytes))
        #expect(bytes == Array("kept".utf8))
        let dated = ["on": Date(timeIntervalSince1970: 86_400)]
        #expect(try MatchRuns.json(dated) == String(decoding: try Self.reference(dated), as: UTF8.self))
        #expect(try MatchRuns.jsonEach([dated, dated]) == [String(decoding: try Self.reference(dated), as: UTF8.self)].repeated(2))
    }

    // MARK: A random input with every field in use

    static func randomText(_ r: inout SplitMix64) -> String {
        let pieces = ["a", "Bo", "æøå", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1f}", "\u{7f}", " ", "😀", "é", ",", "[", "}", ":", "0", "9", "-"]
        return (0..<r.int(0...10)).map { _ in r.pick(pieces) }.joined()
    }

    static func randomDay(_ r: inout SplitMix64) -> Day { Day(daysSinceEpoch: Int32(r.int(19_000...21_000))) }

    static func randomInput(_ r: inout SplitMix64) -> MatchInput {
        let asOf = Day(iso: "2026-11-23")!
        let offers = OfferType.allCases, groups = TargetGroup.allCases, features = Feature.allCases
        func someGroups() -> TargetGroups { TargetGroups(groups.filter { _ in r.chance(40) }) }
        func someFeatures() -> Features { Features(features.filter { _ in r.chance(20) }) }
        var residences: [Residence] = []
        for n in 0..<r.int(4...12) {
            let own = r.chance(50), low = r.int(1...3)
            residences.append(Residence(
                id: "R\(n)" + (r.chance(20) ? randomText(&r) : ""), name: randomText(&r) + " \(n)", operatorKind: own ? .own : r.pick([.municipal, .regional, .private]),
                municipalityCode: r.pick([615, 751, 101]), postcode: r.chance(80) ? r.pick([8700, 8000, 2100, 7100]) : nil,
                location: Coordinate(latitude: 54.5 + Double(r.int(0...300_000)) / 100_000, longitude: 8 + Double(r.int(0...700_000)) / 100_000),
                offerType: r.pick(offers), targetGroups: someGroups(), supportLevels: low...r.int(low...5), features: someFeatures(),
                ageRange: r.chance(30) ? 18...r.int(30...99) : nil, places: r.int(0...20), dailyRate: Money(ore: Int64(r.int(100_000...900_000))),
                variableDailyCost: r.chance(50) ? Money(ore: Int64(r.int(10_000...90_000))) : nil,
                opensOn: r.chance(10) ? randomDay(&r) : nil, closesOn: r.chance(10) ? randomDay(&r) : nil))
        }
        let ids = residences.map(\.id)
        func citizen(_ n: Int, status: CitizenStatus) -> Citizen {
            Citizen(id: "C\(n)" + (r.chance(10) ? randomText(&r) : ""), birthYear: r.chance(80) ? r.int(1940...2008) : nil,
                    homeMunicipalityCode: 615, networkPostcode: r.chance(80) ? r.pick([8700, 8000, 2100, 7100]) : nil,
                    targetGroups: someGroups(), offerType: r.pick(offers), supportLevel: r.int(1...5), requiredFeatures: r.chance(30) ? someFeatures() : [],
                    status: status, referredOn: r.chance(80) ? randomDay(&r) : nil, neededBy: r.chance(30) ? randomDay(&r) : nil,
                    urgency: r.pick(Urgency.allCases), openToMove: r.chance(50), agreedDailyRate: r.chance(20) ? Money(ore: Int64(r.int(1...999_999))) : nil,
                    preferredResidences: r.chance(30) ? [r.pick(ids)] : [], excludedResidences: r.chance(20) ? [r.pick(ids), r.pick(ids)] : [],
                    maxDistanceKm: r.chance(30) ? r.int(5...200) : nil)
        }
        let waiting = (0..<r.int(0...25)).map { citizen($0, status: .waiting) }
        var vacant: [MatchInput.VacantPlace] = []
        for res in residences where res.isOwn {
            for p in 0..<r.int(0...4) {
                vacant.append(MatchInput.VacantPlace(residenceId: res.id, placeId: "\(p + 1)", features: r.chance(70) ? res.features : someFeatures(),
                                                     availableFrom: r.chance(60) ? asOf : randomDay(&r), confirmedOn: r.chance(50) ? randomDay(&r) : nil))
            }
        }
        var capacity: [String: Int] = [:]
        for res in residences where !res.isOwn { capacity[res.id] = r.int(0...6) }
        let stays = (0..<r.int(0...6)).map { n in
            MatchInput.ExternalStay(citizen: citizen(100 + n, status: .placed), residenceId: r.pick(ids),
                                    dailyRate: Money(ore: Int64(r.int(100_000...900_000))), since: randomDay(&r))
        }
        let bridges: [MatchInput.Bridge]? = r.chance(30) ? nil : waiting.filter { _ in r.chance(20) }.map {
            MatchInput.Bridge(citizenId: $0.id, residenceId: r.pick(ids), placeId: r.chance(50) ? "1" : nil, since: randomDay(&r),
                              dailyRate: Money(ore: Int64(r.int(1...900_000))))
        }
        return MatchInput(asOf: asOf, residences: residences, vacantPlaces: vacant, externalCapacity: capacity,
                          waiting: waiting, externalStays: stays, bridges: bridges)
    }
}

private extension Array {
    func repeated(_ n: Int) -> [Element] { (0..<n).flatMap { _ in self } }
}
