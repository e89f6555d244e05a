import Foundation

/// The Spreadsheet module's messages about damaged workbooks (ZIP parts, XML, cell
/// references) in Danish. Spreadsheet words them once, in English, around a part's path, a
/// line or a reference; each is matched here by its fixed words and said again in Danish
/// with the same values. A message not matched stays as it is rather than being guessed at.
extension ImportWords {
    static func danishDamage(_ message: String) -> String? {
        // Compiled when asked: a damaged file is rare, and a compiled pattern cannot be shared across threads.
        for (text, danish) in damagePatterns {
            guard let pattern = try? NSRegularExpression(pattern: text, options: [.dotMatchesLineSeparators]),
                  let m = pattern.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) else { continue }
            let groups = (1..<m.numberOfRanges).map { i -> String in
                Range(m.range(at: i), in: message).map { String(message[$0]) } ?? ""
            }
            return danish(groups)
        }
        return nil
    }

    /// Why a ZIP part cannot be unpacked (`ZIPDirectory.Damage`), in Danish.
    static func danishZIPReason(_ reason: String) -> String {
        let whole: [String: String] = [
            "it has no ZIP directory": "den har ingen ZIP-oversigt",
            "its ZIP64 directory is missing": "dens ZIP64-oversigt mangler",
            "its ZIP directory lies beyond the end of the file": "dens ZIP-oversigt ligger efter filens slutning",
            "its ZIP directory lists more parts than it has room for": "dens ZIP-oversigt nævner flere dele, end der er plads til",
            "its ZIP directory is damaged": "dens ZIP-oversigt er beskadiget",
            "its local header lies outside the file": "dens lokale hoved ligger uden for filen",
            "its local header is missing": "dens lokale hoved mangler",
            "its local header and the ZIP directory disagree on how it is compressed":
                "dens lokale hoved og ZIP-oversigten er uenige om, hvordan den er pakket",
            "its data runs past the end of the file": "dens data fortsætter efter filens slutning",
            "its local header names another part": "dens lokale hoved nævner en anden del",
            "it is encrypted": "den er krypteret",
            "its compressed data ends before the part does": "dens pakkede data slutter før delen",
            "its compressed data is not valid": "dens pakkede data er ugyldige",
            "its checksum does not match its contents": "dens kontrolsum passer ikke med indholdet",
            "the file ends before its ZIP directory says it does": "filen slutter før, end ZIP-oversigten siger",
            "the file cannot be read": "filen kan ikke læses",
        ]
        if let d = whole[reason] { return d }
        if let m = reason.firstMatch(of: /^it unpacks to more than the (\d+) bytes its ZIP directory declares$/) {
            return "den fylder mere end de \(m.1) byte, ZIP-oversigten angiver, udpakket"
        }
        if let m = reason.firstMatch(of: /^it is compressed with ZIP method (\d+), which spreadsheets do not use$/) {
            return "den er pakket med ZIP-metode \(m.1), som regneark ikke bruger"
        }
        if let m = reason.firstMatch(of: /^it unpacks to (\d+) bytes, not the (\d+) its ZIP directory declares$/) {
            return "den fylder \(m.1) byte udpakket, ikke de \(m.2), ZIP-oversigten angiver"
        }
        return reason
    }

    private static func regex(_ p: String) -> String { p }

    private static let damagePatterns: [(String, @Sendable ([String]) -> String)] = [
        (regex(#"^the file starts like an \.xlsx workbook \(a ZIP archive\) but is damaged or incomplete, perhaps cut off while copying or downloading\. Save or export it again\.$"#),
         { _ in "filen begynder som en .xlsx-projektmappe (et ZIP-arkiv), men er beskadiget eller ufuldstændig, måske afbrudt under kopiering eller download. Gem eller eksportér den igen." }),
        (regex(#"^the workbook part (.+) cannot be unpacked to a temporary file$"#),
         { "projektmappens del \($0[0]) kan ikke pakkes ud i en midlertidig fil" }),
        (regex(#"^the workbook part (.+) unpacks to more than (\d+) MiB, the limit for one part of a workbook; a planning sheet is far smaller\. Check that this is the right file\.$"#),
         { "projektmappens del \($0[0]) fylder mere end \($0[1]) MiB udpakket, grænsen for én del af en projektmappe; et planlægningsark er langt mindre. Kontrollér, at det er den rigtige fil." }),
        (regex(#"^the workbook is damaged: its part (.+?) cannot be unpacked(?: \((.+)\))?\. Save or export it again\.$"#),
         { g in "projektmappen er beskadiget: dens del \(g[0]) kan ikke pakkes ud\(g[1].isEmpty ? "" : " (\(danishZIPReason(g[1])))"). Gem eller eksportér den igen." }),
        (regex(#"^the workbook is damaged: its part (.+) is missing$"#), { "projektmappen er beskadiget: dens del \($0[0]) mangler" }),
        (regex(#"^the workbook is damaged: its part (.+) is not valid UTF-8 text$"#),
         { "projektmappen er beskadiget: dens del \($0[0]) er ikke gyldig UTF-8-tekst" }),
        (regex(#"^the workbook is damaged: its part (.+) holds a processing instruction \(<\?…\?>\) other than the XML declaration$"#),
         { "projektmappen er beskadiget: dens del \($0[0]) indeholder en behandlingsinstruktion (<?…?>) ud over XML-erklæringen" }),
        (regex(#"^the workbook is damaged: its part (.+) stops before its end \(cut off, perhaps while copying or saving\); nothing of it is used\. Save or export the workbook again\.$"#),
         { "projektmappen er beskadiget: dens del \($0[0]) slutter før tid (afbrudt, måske under kopiering eller gemning); intet af den bruges. Gem eller eksportér projektmappen igen." }),
        (regex(#"^the workbook is damaged: its part (.+) is not valid XML \(near line (\d+)\)$"#),
         { "projektmappen er beskadiget: dens del \($0[0]) er ikke gyldig XML (nær linje \($0[1]))" }),
        (regex(#"^the workbook has (\d+) sheets?; there is no sheet (.+)$"#), { "projektmappen har \($0[0]) ark; der er intet ark \($0[1])" }),
        (regex(#"^the row number r="(.*)" is not a row of a worksheet \(1 to (\d+)\)$"#),
         { "rækkenummeret r=\"\($0[0])\" er ikke en række i et regneark (1 til \($0[1]))" }),
        (regex(#"^the row number r="(.*)" comes after row (\d+); the rows are out of order$"#),
         { "rækkenummeret r=\"\($0[0])\" kommer efter række \($0[1]); rækkerne står i forkert rækkefølge" }),
        (regex(#"^the sheet has more than (\d+) rows$"#), { "arket har mere end \($0[0]) rækker" }),
        (regex(#"^the cell reference r="(.*)" is not a cell reference \(capital column letters A to XFD, then the row number, like B7\)$"#),
         { "cellereferencen r=\"\($0[0])\" er ikke en cellereference (store kolonnebogstaver A til XFD og så rækkenummeret, som B7)" }),
        (regex(#"^the cell reference r="(.*)" names row (\d+), but the cell stands in row (\d+)$"#),
         { "cellereferencen r=\"\($0[0])\" nævner række \($0[1]), men cellen står i række \($0[2])" }),
        (regex(#"^the cell reference r="(.*)" repeats or goes back from column ([A-Z]+); the cells are out of order$"#),
         { "cellereferencen r=\"\($0[0])\" gentager eller går tilbage fra kolonne \($0[1]); cellerne står i forkert rækkefølge" }),
        (regex(#"^the cell is beyond column XFD$"#), { _ in "cellen ligger efter kolonne XFD" }),
        (regex(#"^the cell refers to shared string (.+), but the workbook has (\d+)$"#),
         { "cellen henviser til delt tekst \($0[0]), men projektmappen har \($0[1])" }),
        (regex(#"^the cell is a boolean but holds "(.*)"$"#), { "cellen er en sandhedsværdi, men indeholder \"\($0[0])\"" }),
        (regex(#"^the cell is a date but holds "(.*)"$"#), { "cellen er en dato, men indeholder \"\($0[0])\"" }),
        (regex(#"^the cell is a number but holds "(.*)"$"#), { "cellen er et tal, men indeholder \"\($0[0])\"" }),
    ]
}
