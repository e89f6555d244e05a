import PlacementModel
import Testing

@Suite struct MoneyTests {
    @Test func roundsOnlyWhenShown() {
        #expect(Money(ore: 149).roundedKroner == 1)
        #expect(Money(ore: 150).roundedKroner == 2)
        #expect(Money(ore: -150).roundedKroner == -2)
        #expect(Money(kroner: 1850).perYear == Money(kroner: 675_250))
        #expect(Money(kroner: 2000).percent(25) == Money(kroner: 500))
        #expect(Money(ore: 333).scaled(1, 2) == Money(ore: 167))
    }

    @Test func danishAndEnglishFormats() {
        let da = DisplayFormat(.da), en = DisplayFormat(.en)
        #expect(da.kroner(Money(kroner: 1_234_567)) == "1.234.567 kr.")
        #expect(en.kroner(Money(kroner: 1_234_567)) == "DKK 1,234,567")
        #expect(da.kronerAndOre(Money(ore: 123_450)) == "1.234,50 kr.")
        #expect(da.integer(-1234) == "-1.234")
        #expect(da.percent(numerator: 570, denominator: 600) == "95,0 %")
        #expect(en.percent(numerator: 1, denominator: 3) == "33.3%")
        #expect(da.date(Day(iso: "2026-11-23")!) == "23-11-2026")
        #expect(da.week(ISOWeek(year: 2026, week: 48)!) == "uge 48 2026")
    }

    @Test(arguments: [
        (800_000, 0), (860_000, 0), (1_000_000, 35_000), (1_680_000, 205_000),
        (2_000_000, 365_000), (2_120_000, 425_000), (3_000_000, 1_085_000),
    ])
    func stateRefundIsBanded(grossKr: Int64, refundKr: Int64) {
        // 25 % of 860.000-1.680.000, 50 % of 1.680.000-2.120.000, 75 % above 2.120.000.
        #expect(StateRefund.levels2022.refund(onAnnualCost: Money(kroner: grossKr)) == Money(kroner: refundKr))
    }
}

@Suite struct GeographyTests {
    @Test func distancesBetweenKnownPostcodes() throws {
        let horsens = try #require(ReferenceData.postcodeByCode[8700]).point
        let aarhus = try #require(ReferenceData.postcodeByCode[8000]).point
        let copenhagen = try #require(ReferenceData.postcodeByCode[1050]).point
        #expect((40...50).contains(horsens.wholeKilometres(to: aarhus)))
        #expect((160...185).contains(horsens.wholeKilometres(to: copenhagen)))
        #expect(horsens.wholeKilometres(to: horsens) == 0)
    }

    @Test func referenceDataIsComplete() {
        #expect(ReferenceData.municipalities.count == 98)
        #expect(ReferenceData.postcodes.count == 1089)
        #expect(ReferenceData.municipality(named: "Horsens Kommune")?.code == 615)
        #expect(ReferenceData.municipality(named: "0615")?.name == "Horsens")
        #expect(ReferenceData.postcodes.allSatisfy { ReferenceData.municipalityByCode[$0.municipalityCode] != nil })
    }
}
