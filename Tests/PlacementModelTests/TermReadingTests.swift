import PlacementModel
import Testing

@Suite struct TermReadingTests {
    /// Words the import accepted and the demand sheet and scenario files refused before they
    /// shared one table, and case systems' words for target groups.
    @Test(arguments: [
        ("psykosociale", TargetGroup.mentalIllness), ("Alkoholmisbrug", .substanceAbuse),
        ("Erhvervet hjerneskade", .acquiredBrainInjury), ("senhjerneskade", .acquiredBrainInjury),
        ("Psykisk udviklingshæmmede", .intellectualDisability), ("autisme", .autism), ("ASF", .autism),
        ("mental_illness", .mentalIllness), ("dobbeltdiagnoser", .dualDiagnosis),
    ])
    func targetGroups(word: String, expected: TargetGroup) {
        #expect(TermReading.targetGroups(word) == expected)
    }

    @Test(arguments: [
        ("Bevilget", CitizenStatus.waiting), ("Afventer plads", .waiting), ("venteliste", .waiting), ("Visiteret", .waiting),
        ("I tilbud", .placed), ("Indflyttet", .placed), ("placeret", .placed),
        ("Afsluttet", .left), ("Udskrevet", .left), ("left", .left),
    ])
    func citizenStatuses(word: String, expected: CitizenStatus) {
        #expect(TermReading.citizenStatuses(word) == expected)
    }

    @Test func featuresAndOfferTypes() {
        #expect(TermReading.features("handicapvenlig") == .wheelchair)
        #expect(TermReading.features("Kørestolsbruger") == .wheelchair)
        #expect(TermReading.features("flyvende") == nil)
        #expect(TermReading.offerType("§ 108") == .sel108)
        #expect(TermReading.offerType("ABL § 105") == .abl105)
        #expect(TermReading.offerType("ABL § 108") == nil)
        #expect(TermReading.list(" autisme; ASF | sindslidelse/ ") == ["autisme", "ASF", "sindslidelse"])
    }

    /// The import's decimal rule, which every file kind now shares.
    @Test(arguments: [
        ("1.234,50", Int64(123_450), 2), ("1,234.50", 123_450, 2), ("2,5", 25, 1), ("1.850", 1850, 0),
        ("kr. 1.850,00", 185_000, 2), ("1 234 567", 1_234_567, 0), ("-3", -3, 0),
    ])
    func decimals(text: String, value: Int64, scale: Int) {
        let d = DecimalReading.decimal(text)
        #expect(d?.value == value && d?.scale == scale)
    }

    @Test(arguments: ["1,2,3", "12.34.5", "abc", "1e5", ""])
    func decimalsRefused(text: String) {
        #expect(DecimalReading.decimal(text) == nil)
    }
}
