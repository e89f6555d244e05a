import PlacementEvidence
import PlacementModel
import PlacementReports
import PlacementStore
import Testing

/// The equity audit on worlds built with a known disparity, and with a difference that only
/// comes from a scarce offer type: the first is found with its interval, the second is not.
@Suite struct EquityAuditTests {
    static let from = Day(iso: "2026-01-01")!, to = Day(iso: "2026-12-31")!

    /// A citizen born in `birthYear` with the grant of one stratum.
    static func citizen(_ id: String, born birthYear: Int, _ offer: OfferType, level: Int) -> Citizen {
        .init(id: id, birthYear: birthYear, homeMunicipalityCode: 615, networkPostcode: 8700, targetGroups: TargetGroups([.autism]),
              offerType: offer, supportLevel: level, status: .waiting, urgency: .normal)
    }

    /// A wait of `days` that ended on 1 June in an own residence.
    static func placement(_ c: Citizen, waited days: Int) -> OutcomeHistory.Placement {
        let placed = Day(iso: "2026-06-01")!
        return .init(citizen: c, waitedFrom: placed.adding(days: -days), placedOn: placed, residenceID: "R1", isOwn: true,
                     isInPlanningArea: true, residenceLocation: nil)
    }

    static func finding(_ audit: EquityAudit, _ outcome: EquityOutcome, _ attribute: EquityAttribute, _ level: String) throws -> EquityAudit.Finding {
        try #require(audit.findings.first { $0.outcome == outcome && $0.attribute == attribute && $0.level == level })
    }

    @Test func aGroupThatWaitsLongerInTheSameStratumIsFound() throws {
        // ABL § 105, support level 3: five citizens under 30 waited 100 days each, five aged 40 waited 40.
        let young = (1...5).map { Self.placement(Self.citizen("Y\($0)", born: 2000, .abl105, level: 3), waited: 100) }
        let older = (1...5).map { Self.placement(Self.citizen("O\($0)", born: 1986, .abl105, level: 3), waited: 40) }
        let audit = EquityAudit(history: OutcomeHistory(placements: young + older, proposed: []), from: Self.from, to: Self.to)

        let f = try Self.finding(audit, .waitDays, .ageBand, "under_30")
        #expect(f.cases == 5 && f.matched == 5 && f.othersMatched == 5)
        #expect(f.groupMean == 100 && f.othersMean == 40 && f.difference == 60 && f.unadjustedDifference == 60)
        // No spread within either side: every resample gives the same difference.
        #expect(f.low == 60 && f.high == 60)
        #expect(f.isSignificant && f.isWorse)
        let mirror = try Self.finding(audit, .waitDays, .ageBand, "30_49")
        #expect(mirror.difference == -60 && mirror.isSignificant && !mirror.isWorse)
        // The places are all local and own: nothing to flag there.
        #expect(try Self.finding(audit, .placedLocally, .ageBand, "under_30").isSignificant == false)
    }

    @Test func aSpreadDifferenceHasAnIntervalAroundIt() throws {
        let young = [90, 100, 110, 95, 105].enumerated().map { Self.placement(Self.citizen("Y\($0.offset)", born: 2000, .abl105, level: 3), waited: $0.element) }
        let older = [35, 40, 45, 38, 42].enumerated().map { Self.placement(Self.citizen("O\($0.offset)", born: 1986, .abl105, level: 3), waited: $0.element) }
        let audit = EquityAudit(history: OutcomeHistory(placements: young + older, proposed: []), from: Self.from, to: Self.to)
        let f = try Self.finding(audit, .waitDays, .ageBand, "under_30")
        #expect(f.difference == 60)
        #expect(f.low > 0 && f.low < 60 && f.high > 60)
        // The widest a resample can go: the group's extremes against the others' opposite extremes.
        #expect(f.low >= 90 - 45 && f.high <= 110 - 35)
        #expect(f.isSignificant)
        // Seeded: the same audit again gives the same interval; another seed another one.
        let again = EquityAudit(history: OutcomeHistory(placements: young + older, proposed: []), from: Self.from, to: Self.to)
        #expect(try Self.finding(again, .waitDays, .ageBand, "under_30") == f)
        let other = EquityAudit(history: OutcomeHistory(placements: young + older, proposed: []), from: Self.from, to: Self.to, seed: 2)
        #expect(try Self.finding(other, .waitDays, .ageBand, "under_30").low != f.low)
    }

    @Test func aDifferenceThatOnlyComesFromAScarceOfferTypeIsNotFlagged() throws {
        // § 108 level 5 is scarce (everyone waits 100 days), ABL § 105 level 3 is not (10 days).
        // The young are mostly in the scarce stratum: 8 of 10, against 2 of 10 of the others.
        var all: [OutcomeHistory.Placement] = []
        for i in 1...8 { all.append(Self.placement(Self.citizen("YS\(i)", born: 2000, .sel108, level: 5), waited: 100)) }
        for i in 1...2 { all.append(Self.placement(Self.citizen("YA\(i)", born: 2000, .abl105, level: 3), waited: 10)) }
        for i in 1...2 { all.append(Self.placement(Self.citizen("OS\(i)", born: 1986, .sel108, level: 5), waited: 100)) }
        for i in 1...8 { all.append(Self.placement(Self.citizen("OA\(i)", born: 1986, .abl105, level: 3), waited: 10)) }
        let audit = EquityAudit(history: OutcomeHistory(placements: all, proposed: []), from: Self.from, to: Self.to)

        let f = try Self.finding(audit, .waitDays, .ageBand, "under_30")
        // Without the adjustment the young wait (8·100 + 2·10)/10 = 82 days against (2·100 + 8·10)/10 = 28.
        #expect(f.unadjustedDifference == 54)
        // Within each stratum they wait exactly as long as the others.
        #expect(f.groupMean == 82 && f.othersMean == 82 && f.difference == 0)
        #expect(f.low == 0 && f.high == 0)
        #expect(!f.isSignificant)
    }

    @Test func supportLevelIsComparedWithinTheOfferTypeOnly() throws {
        // Level 5 waits 100 days, level 3 waits 10, both ABL § 105: the same stratum when the
        // support level itself is compared, so the difference shows.
        let high = (1...5).map { Self.placement(Self.citizen("H\($0)", born: 1980, .abl105, level: 5), waited: 100) }
        let low = (1...5).map { Self.placement(Self.citizen("L\($0)", born: 1980, .abl105, level: 3), waited: 10) }
        let audit = EquityAudit(history: OutcomeHistory(placements: high + low, proposed: []), from: Self.from, to: Self.to)
        let f = try Self.finding(audit, .waitDays, .supportLevel, "5")
        #expect(f.difference == 90 && f.isSignificant)
        // Age is compared within offer type and support level: all are 46, no other group to compare.
        #expect(audit.findings.first { $0.attribute == .ageBand } == nil)
    }

    @Test func providerDeclinesAreAShareOfTheCitizensProposed() throws {
        let declined = (1...5).map { OutcomeHistory.Proposed(citizen: Self.citizen("D\($0)", born: 2000, .abl105, level: 3), declinedByProvider: $0 <= 4) }
        let accepted = (1...5).map { OutcomeHistory.Proposed(citizen: Self.citizen("A\($0)", born: 1986, .abl105, level: 3), declinedByProvider: $0 == 1) }
        let audit = EquityAudit(history: OutcomeHistory(placements: [], proposed: declined + accepted), from: Self.from, to: Self.to)
        let f = try Self.finding(audit, .declinedByProvider, .ageBand, "under_30")
        // 4 of 5 against 1 of 5.
        #expect(abs(f.groupMean - 0.8) < 1e-12 && abs(f.othersMean - 0.2) < 1e-12)
        #expect(audit.caseCounts[.declinedByProvider] == 10 && audit.caseCounts[.waitDays] == nil)
    }

    @Test func thePublicVersionWithholdsSmallGroups() throws {
        // Three citizens under 30 against seven older: too few to show in public.
        let young = (1...3).map { Self.placement(Self.citizen("Y\($0)", born: 2000, .abl105, level: 3), waited: 100) }
        let older = (1...7).map { Self.placement(Self.citizen("O\($0)", born: 1986, .abl105, level: 3), waited: 40) }
        let audit = EquityAudit(history: OutcomeHistory(placements: young + older, proposed: []), from: Self.from, to: Self.to)
        #expect(try Self.finding(audit, .waitDays, .ageBand, "under_30").isSignificant == false)

        let area = [ReferenceData.municipalityByCode[615]!]
        let inside = EquityDocument.build(audit, planningArea: area, language: .da, isPublic: false)
        let row = try #require(inside.table("wait-days")?.rows.first { $0.first == .text("Alder: under 30 år") })
        #expect(row[1] == .count(3) && row[3] == .text("100,0") && row[4] == .text("40,0") && row[8] == .text("for få til at vurdere"))

        let shown = EquityDocument.build(audit, planningArea: area, language: .da, isPublic: true)
        let masked = try #require(shown.table("wait-days")?.rows.first { $0.first == .text("Alder: under 30 år") })
        #expect(masked.dropFirst().allSatisfy { $0 == .masked })
        #expect(!EquityJSON.render(audit, isPublic: true).contains("\"under_30\""))
        #expect(EquityJSON.render(audit, isPublic: false).contains("\"under_30\""))
    }
}

extension EquityAuditTests {
    @Test func theJSONIsTheSameBytesInEveryRunWithISODates() throws {
        // Ten placements after a 30-day wait.
        let waited = (1...10).map { Self.placement(Self.citizen("W\($0)", born: 1990, .abl105, level: 3), waited: 30) }
        let audit = EquityAudit(history: OutcomeHistory(placements: waited, proposed: []), from: Self.from, to: Self.to)
        let json = EquityJSON.render(audit, isPublic: false)
        // The period as ISO dates and the case counts in the outcomes' declared order, not a
        // dictionary's (which changes from process to process).
        // (No distance: these citizens have no network postcode.)
        #expect(json == """
            {
              "from": "2026-01-01",
              "to": "2026-12-31",
              "seed": 1,
              "resamples": 999,
              "level": 0.95,
              "case_counts": {
                "wait_days": 10,
                "placed_locally": 10,
                "bought_externally": 10
              },
              "findings": []
            }

            """)
    }
}
