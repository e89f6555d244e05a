import Foundation
import PlacementModel
import PlacementReports
import Testing

/// Every JSON for a person or a file goes through one writer: keys in the order a type declares
/// them (a dictionary's keys sorted and kept as written), exact numbers, ISO dates as strings.
@Suite struct JSONWriterTests {
    struct Stay: Encodable {
        var citizenId: String
        var movedIn: String
        var annualNetOre: Int64
        var medianWaitDays: Double?
        var percentile90WaitDays: Int?
        var byResidence: [String: Int]
        var share: JSONDecimal
    }

    @Test func keysFollowTheDeclarationAndDictionariesAreSorted() {
        let stay = Stay(citizenId: "B0001468", movedIn: Day(iso: "2026-12-23")!.iso, annualNetOre: 16_680_512, medianWaitDays: 12.5,
                        percentile90WaitDays: 40, byResidence: ["R9": 1, "R10": 2, "Bo_A": 3], share: JSONDecimal(873, scale: 1))
        #expect(JSONOutput.text(stay) == """
            {
              "citizen_id": "B0001468",
              "moved_in": "2026-12-23",
              "annual_net_ore": 16680512,
              "median_wait_days": 12.5,
              "percentile90_wait_days": 40,
              "by_residence": {
                "Bo_A": 3,
                "R10": 2,
                "R9": 1
              },
              "share": 87.3
            }
            """)
    }

    enum Outcome: String, Encodable, CodingKeyRepresentable { case waitDays = "wait_days", boughtExternally = "bought_externally", distanceKm = "distance_km" }

    @Test func aDictionaryKeyedByAnEnumIsSortedToo() {
        // Such a dictionary is an object as well; unsorted it came out in a different order in
        // each process (Swift seeds its hashing per process).
        let counts: [Outcome: Int] = [.waitDays: 1, .boughtExternally: 2, .distanceKm: 3]
        #expect(JSONOutput.text(counts) == """
            {
              "bought_externally": 2,
              "distance_km": 3,
              "wait_days": 1
            }
            """)
    }

    @Test func spelledOutKeysStayAsTheyAreAndAbsentValuesAreLeftOut() {
        let stay = Stay(citizenId: "B1", movedIn: "2026-01-02", annualNetOre: -5, medianWaitDays: nil, percentile90WaitDays: nil,
                        byResidence: [:], share: JSONDecimal(-5, scale: 2))
        #expect(JSONOutput.text(stay, snakeCase: false) == """
            {
              "citizenId": "B1",
              "movedIn": "2026-01-02",
              "annualNetOre": -5,
              "byResidence": {},
              "share": -0.05
            }
            """)
    }

    /// A binary float is written as its shortest decimal, a whole one without a fraction; the
    /// same value gives the same bytes in every output.
    @Test(arguments: [(3.0, "3"), (0.1, "0.1"), (12.5, "12.5"), (-2.25, "-2.25"), (1_889_045, "1889045"), (Double.nan, "null")])
    func aFloatIsWrittenAsItsShortestDecimal(value: Double, text: String) {
        #expect(JSONOutput.text([value]) == "[\n  \(text)\n]")
    }

    @Test func stringsAreEscaped() {
        #expect(JSONOutput.text(["a\"b\\c\nd/e\u{1}"]) == "[\n  \"a\\\"b\\\\c\\nd/e\\u0001\"\n]")
    }
}
