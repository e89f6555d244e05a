import PlacementModel
import Spreadsheet
import Testing

@testable import PlacementImport

/// The shortcuts taken for the common cell give exactly what the general readers give.
@Suite struct CellParsingTests {
    @Test func bothDateFormsReadTheSameDayForEveryDayOfFourYears() {
        var day = Day(year: 2023, month: 1, day: 1)!
        while day < Day(year: 2027, month: 1, day: 1)! {
            let (y, m, d) = day.components
            let danish = String(format: "%02d-%02d-%04d", d, m, y)
            #expect(CellParsing.isoOrDanishDate(day.iso) == day)
            #expect(CellParsing.isoOrDanishDate(danish) == day)
            #expect(CellParsing.date(.text(danish)) == .success(day))
            day = day.adding(days: 1)
        }
    }

    @Test func datesTheShortcutDoesNotTakeGoToTheGeneralReader() {
        for text in ["2026-02-31", "31-02-2026", "23-11-26", "23.11.2026", "2026-11-23 00:00:00", " 23-11-2026", "1899-12-31"] {
            #expect(CellParsing.isoOrDanishDate(text) == nil, "\(text)")
        }
        #expect(CellParsing.date(.text("23.11.2026")) == .success(Day(year: 2026, month: 11, day: 23)!))
        #expect(CellParsing.date(.text(" 23-11-2026")) == .success(Day(year: 2026, month: 11, day: 23)!))
        #expect(CellParsing.date(.text("2026-02-31")) == .failure(CellParsing.Expected("is not a date (dd-mm-yyyy or yyyy-mm-dd)")))
    }

    @Test func exactNamesAndTheirLooseSpellingsFindTheSameTerm() {
        for group in TargetGroup.allCases {
            for name in [group.rawValue, group.englishName, group.danishName, group.danishName.uppercased(), " \(group.danishName) "] {
                #expect(CellParsing.targetGroupTable(CellParsing.trimmed(name)) == group, "\(name)")
            }
        }
        #expect(CellParsing.offerType(.text("ABL105")) == .success(.abl105))
        #expect(CellParsing.offerType(.text("abl § 105")) == .success(.abl105))
        #expect(CellParsing.offerType(.text("§ 108")) == .success(.sel108))
    }

    @Test func listsSplitOnEverySeparatorAndKeepDanishLetters() {
        #expect(CellParsing.list(.text("autisme; udviklingshæmning|sindslidelse/ ,")) == ["autisme", "udviklingshæmning", "sindslidelse"])
        #expect(CellParsing.list(.text("  ")) == [])
        #expect(CellParsing.list(.empty) == [])
    }

    @Test func trimmingKeepsInnerSpacesAndDropsNonBreakingOnes() {
        #expect(CellParsing.trimmed("B0001") == "B0001")
        #expect(CellParsing.trimmed("\u{A0}Søndergården 2 ") == "Søndergården 2")
        #expect(CellParsing.trimmed("\t") == "")
    }

    /// The byte-level letter test of totals rows (`TotalsRow.hasLetter`) answers as
    /// `Character.isLetter` does, for ASCII and for what is not.
    @Test(arguments: ["B0000001", "1984", "mental_illness", "2014-09-02", "", " ", "!@[`{~", "§ 108", "æ", "12 Ø", "Ärzte",
                      "½", "€ 1.850,00", "١٢٣", "日本", "Z", "a", "@", "["])
    func theLetterTestOfTotalsRowsAgreesWithCharacterIsLetter(_ text: String) {
        #expect(TotalsRow.hasLetter(text) == text.contains(where: \.isLetter))
    }

    /// Each target group alone, by its name, is the set of just that group.
    @Test func aSingleTargetGroupIsTheSetOfThatGroup() {
        for g in TargetGroup.allCases {
            #expect(CellParsing.targetGroups(.text(g.rawValue)) == .success(TargetGroups([g])))
        }
    }
}
