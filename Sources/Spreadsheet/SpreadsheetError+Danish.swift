import Foundation

/// This module's messages in Danish, for the databases whose planners read Danish: one home
/// for the wording, used by the importer and by every other reader of a workbook (the demand
/// sheet of the capacity plan). The module words each message once, in English, around a
/// part's path, a line or a reference; a message is matched here by its fixed words and said
/// again in Danish with the same values. A message not matched stays as it is rather than
/// being guessed at.
extension SpreadsheetError {
    /// `message` (one of this module's) in Danish, or nil when it is not a known one.
    public static func danish(_ message: String) -> String? {
        danishFileMessages[message] ?? danishDamage(message)
    }

    /// `description` in Danish: `behov.xlsx, ark "behov", række 12, kolonne C: ...`, the
    /// message in Danish where it is a known one.
    public var danishDescription: String {
        var location: [String] = fileName.isEmpty ? [] : [fileName]
        if let sheet { location.append("ark \"\(sheet)\"") }
        if let row { location.append("række \(row)") }
        if let column { location.append("kolonne \(ColumnName.letters(column))") }
        let said = Self.danish(message) ?? message
        let text = value.map { "\"\($0)\" \(said)" } ?? said
        return location.isEmpty ? text : "\(location.joined(separator: ", ")): \(text)"
    }

    /// What this module says of a file that is no spreadsheet it reads, in Danish: the cases
    /// a planner meets (a file of the wrong kind, an empty file), whole sentences.
    static let danishFileMessages: [String: String] = {
        let saveAs = "Åbn den i Excel eller LibreOffice, og gem den som .xlsx eller .csv."
        return [
            "the file is empty (0 bytes)": "filen er tom (0 byte)",
            "the file has no rows (it is empty or blank)": "filen har ingen rækker (den er tom)",
            "this is a folder, not a file": "dette er en mappe, ikke en fil",
            "the workbook has no worksheets": "projektmappen har ingen regneark",
            "this is an old Excel 97-2003 workbook (.xls) or another old Office file, which cannot be read. Open it in Excel or LibreOffice and save it as .xlsx or .csv.":
                "dette er en gammel Excel 97-2003-projektmappe (.xls) eller en anden gammel Office-fil, som ikke kan læses. \(saveAs)",
            "this text file is in UTF-32, which cannot be read. Save it as UTF-8 CSV (or .xlsx).":
                "denne tekstfil er i UTF-32, som ikke kan læses. Gem den som UTF-8 CSV (eller .xlsx).",
            "this is a PDF document, not a spreadsheet. Export the data from its source system as .xlsx or .csv.":
                "dette er et PDF-dokument, ikke et regneark. Hent data fra kildesystemet som .xlsx eller .csv.",
            "this is an RTF document, not a spreadsheet. Open it in Excel or LibreOffice and save it as .xlsx or .csv.":
                "dette er et RTF-dokument, ikke et regneark. \(saveAs)",
            "this is a web page (HTML); some systems export tables as HTML with an .xls name. Open it in Excel or LibreOffice and save it as .xlsx or .csv.":
                "dette er en webside (HTML); nogle systemer eksporterer tabeller som HTML med endelsen .xls. \(saveAs)",
            "this is an Excel 2003 XML spreadsheet, which cannot be read. Open it in Excel or LibreOffice and save it as .xlsx or .csv.":
                "dette er et Excel 2003 XML-regneark, som ikke kan læses. \(saveAs)",
            "this is an XML file, not a spreadsheet. Open it in Excel or LibreOffice and save it as .xlsx or .csv.":
                "dette er en XML-fil, ikke et regneark. \(saveAs)",
            "this is an OpenDocument spreadsheet (.ods), which cannot be read. Open it in LibreOffice and save it as .xlsx or .csv.":
                "dette er et OpenDocument-regneark (.ods), som ikke kan læses. Åbn det i LibreOffice, og gem det som .xlsx eller .csv.",
            "this is a Word document (.docx), not a spreadsheet. Open it in Excel or LibreOffice and save it as .xlsx or .csv.":
                "dette er et Word-dokument (.docx), ikke et regneark. \(saveAs)",
            "this is a PowerPoint presentation, not a spreadsheet.": "dette er en PowerPoint-præsentation, ikke et regneark.",
            "the file contains binary data (NUL bytes): it is not a text file. Open it in Excel or LibreOffice and save it as .xlsx or .csv.":
                "filen indeholder binære data (NUL-byte): den er ikke en tekstfil. \(saveAs)",
        ]
    }()

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
