import PlacementModel
import Testing

/// Every spelling of a CPR number is recognised, and nothing else is: case numbers, postcodes,
/// amounts and dates stay as they are.
@Suite struct CPRTests {
    @Test(arguments: [
        ("0101901234", "0101901234"),
        ("010190-1234", "0101901234"),
        ("010190–1234", "0101901234"),   // en dash
        ("010190—1234", "0101901234"),   // em dash
        ("010190\u{2011}1234", "0101901234"),  // non-breaking hyphen
        ("010190\u{2212}1234", "0101901234"),  // minus sign
        ("010190.1234", "0101901234"),
        ("010190/1234", "0101901234"),
        ("010190 1234", "0101901234"),
        ("'0101901234", "0101901234"),   // Excel's text mark
        ("’010190-1234", "0101901234"),
        ("  0101901234 ", "0101901234"),
        ("\u{00A0}0101901234", "0101901234"),  // a no-break space from a copied cell
        ("101901234", "0101901234"),     // the leading zero Excel drops
        ("3112991234", "3112991234"),
        ("6101901234", "6101901234"),    // replacement number: day + 60
    ])
    func aCPRNumberInAnySpellingGivesItsTenDigits(text: String, digits: String) {
        #expect(CPR.digits(text) == digits)
    }

    @Test(arguments: [
        "B0001344", "B0000123", "P-7UHQV6JZCX", "8700", "1850.50", "185050", "2026-11-23", "01-01-1990",
        "3213991234",   // day 32
        "0113901234",   // month 13
        "123456789",    // nine digits: 0123456789 has month 23
        "12345678", "01019012345", "010190-12345", "010190--1234", "010190,1234", "0101901234x",
    ])
    func otherIdsAreNotCPRNumbers(text: String) {
        #expect(CPR.digits(text) == nil)
    }

    @Test func aMessageMasksTheWholeNumber() {
        #expect(CPR.mask("241285-1234") == "******-****")
        #expect(CPR.mask("101901234") == "******-****")
        #expect(CPR.mask("B0001344") == "B0001344")
        #expect(CPR.mask("cpr 241285-1234 again") == "cpr ******-**** again")
    }

    @Test(arguments: [
        ("Borger 080482-0251 ønsker mere tid", "Borger ******-**** ønsker mere tid"),
        ("CPR: 0804820251.", "CPR: ******-****."),
        ("(080482–0251)", "(******-****)"),
        ("'080482.0251 og 010190/1234", "'******-**** og ******-****"),
        ("“0804820251”", "“******-****”"),
        // Not CPR numbers: a pseudonym's digits, a case number, a postcode, amounts, dates, phone numbers.
        ("P-2301234567 flytter", "P-2301234567 flytter"),
        ("sag B0804820251", "sag B0804820251"),
        ("8700 Horsens, 1.234.567,50 kr.", "8700 Horsens, 1.234.567,50 kr."),
        ("fra 01-01-1990 til 2026-11-23", "fra 01-01-1990 til 2026-11-23"),
        ("ring 12 34 56 78 eller 87654321", "ring 12 34 56 78 eller 87654321"),
        ("beløb 21010000000 øre", "beløb 21010000000 øre"),
        ("3213991234 er ingen dato", "3213991234 er ingen dato"),
    ])
    func freeTextHasEveryCPRNumberMasked(text: String, masked: String) {
        #expect(CPR.maskText(text) == masked)
        #expect(CPR.containsCPR(text) == (text != masked))
    }
}
