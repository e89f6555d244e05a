import ArgumentParser
import Foundation
import PlacementImport
import PlacementModel
import PlacementPlanning
import Spreadsheet

extension Placement {
    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "template",
            abstract: "Write an empty spreadsheet with the right headers for an import or a demand sheet.",
            discussion: """
                Danish templates use Danish headers and, as CSV, Danish Excel's dialect (semicolon, UTF-8 \
                with BOM). An XLSX template has a second sheet explaining each column. The demand template \
                (behov) is read by `placement plan --demand FILE`: known future referrals by year, such as \
                young people from the children's area; its XLSX guide shows an example row.

                Examples:
                  placement template citizens --lang da --format xlsx --out Venteliste.xlsx
                  placement template residences --lang en --format csv --out residences.csv
                  placement template demand --lang da --format xlsx --out Behov.xlsx
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case csv, xlsx }

        @Argument(help: "residences, places, citizens, placements or demand.")
        var kind: TemplateKind

        @Option(help: "Language of the headers: da or en.")
        var lang: Language = .da

        @Option(help: "csv or xlsx (default: from --out, else csv).")
        var format: Format?

        @Option(help: ArgumentHelp("The file to write (default: the kind's name in the language).", valueName: "file"))
        var out: String?

        func run() throws {
            let fmt = format ?? (out?.lowercased().hasSuffix(".xlsx") == true ? .xlsx : .csv)
            let name = lang == .da ? kind.danishSheetName : kind.rawValue
            let path = out ?? "\(name).\(fmt.rawValue)"
            let columns = kind.columns(lang)
            let headers = columns.map(\.header)
            switch fmt {
            case .csv:
                let writer = try CSVWriter(url: URL(fileURLWithPath: path), options: lang == .da ? .danishExcel : .standard)
                try writer.writeRow(headers)
                try writer.close()
            case .xlsx:
                var book = XLSXWriter(defaultDateFormat: lang == .da ? "dd-mm-yyyy" : "yyyy-mm-dd")
                try book.addSheet(name: name, columns: headers.map { XLSXWriter.Column($0, width: Double(max(12, $0.count + 2))) }, rows: [[Cell]]())
                let example = kind.example(lang)
                let guideHeaders = (lang == .da ? ["Kolonne", "Påkrævet", "Indhold"] : ["Column", "Required", "Content"])
                    + (example == nil ? [] : [lang == .da ? "Eksempel" : "Example"])
                let guideColumns = guideHeaders.map { XLSXWriter.Column($0, width: $0 == "Indhold" || $0 == "Content" ? 80 : 24) }
                let rows = columns.enumerated().map { i, c -> [Cell] in
                    [.text(c.header), .bool(c.isRequired), .text(TemplateText.help(c.name, lang, kind: kind))]
                        + (example.map { [.text($0[i])] } ?? [])
                }
                try book.addSheet(name: lang == .da ? "Vejledning" : "Guide", columns: guideColumns, rows: rows)
                try book.write(to: URL(fileURLWithPath: path))
            }
            print(path)
        }
    }
}

/// What `placement template` writes: a sheet the importer reads, or the plan's demand sheet.
enum TemplateKind: String, ExpressibleByArgument, CaseIterable {
    case residences, places, citizens, placements, demand

    /// The import sheet of the same name; nil for the demand sheet (read by `placement plan`).
    var sheetKind: SheetKind? { SheetKind(rawValue: rawValue) }

    var danishSheetName: String {
        switch self {
        case .residences: "tilbud"
        case .places: "pladser"
        case .citizens: "borgere"
        case .placements: "placeringer"
        case .demand: "behov"
        }
    }

    /// The columns in order: the header in the language, the English name (the key of the help
    /// text) and whether a row needs a value.
    func columns(_ lang: Language) -> [(header: String, name: String, isRequired: Bool)] {
        if let sheetKind {
            return sheetKind.columns.map { (lang == .da ? $0.danishName : $0.name, $0.name, $0.isRequired) }
        }
        return zip(DemandSheet.templateHeader(language: lang), DemandSheet.templateColumns).map { ($0, $1.name, $1.isRequired) }
    }

    /// An example row, one value per column, for the guide; nil when the kind has none.
    func example(_ lang: Language) -> [String]? {
        self == .demand ? DemandSheet.templateExample(language: lang) : nil
    }
}

enum TemplateText {
    /// What a column holds, for the guide sheet (some columns mean something else in the demand sheet).
    static func help(_ column: String, _ lang: Language, kind: TemplateKind) -> String {
        if kind == .demand, let text = (lang == .da ? demandDanish : demandEnglish)[column] { return text }
        return help(column, lang)
    }

    static let demandDanish: [String: String] = [
        "year": "Året borgerne visiteres (fx 2028); hver række fordeles jævnt over året",
        "support_level": "Støtteniveau 1-5; tom: som historikkens visitationer med samme paragraf og målgrupper",
        "count": "Antal borgere, et helt tal (0 eller flere), ud over de forventede visitationer",
        "source": "Hvor tallet kommer fra, fx børneområdets 17-årige (valgfri)",
    ]
    static let demandEnglish: [String: String] = [
        "year": "The year the citizens are referred (e.g. 2028); each row is spread evenly over the year",
        "support_level": "Support level 1-5; blank: like the history's referrals of the offer type and target groups",
        "count": "Number of citizens, a whole number (0 or more), on top of the estimated referrals",
        "source": "Where the number comes from, e.g. the children's area's 17-year-olds (optional)",
    ]

    /// What a column holds, for the guide sheet.
    static func help(_ column: String, _ lang: Language) -> String {
        let da: [String: String] = [
            "residence_id": "Tilbuddets nummer", "name": "Navn", "operator": "egen, kommunal, regional eller privat",
            "municipality_code": "Kommunekode (3 cifre) eller kommunenavn", "postcode": "Postnummer (4 cifre)",
            "offer_type": "§ 85, ABL § 105, § 107, § 108, § 110, § 103 eller § 104",
            "target_groups": "Målgrupper adskilt af komma: udviklingshæmning, autisme, sindslidelse, erhvervet hjerneskade, fysisk handicap, misbrug, hjemløshed, dobbeltdiagnose",
            "support_level_min": "Støtteniveau 1-5", "support_level_max": "Støtteniveau 1-5", "support_level": "Støtteniveau 1-5",
            "features": "kørestolsegnet, skærmet, par, husdyr", "required_features": "kørestolsegnet, skærmet, par, husdyr",
            "places": "Antal pladser", "daily_rate": "Kr. pr. døgn, fx 1.850,50", "variable_daily_cost": "Kr. pr. døgn som en besat plads koster ekstra",
            "citizen_id": "Sagsnummer; et CPR-nummer erstattes af et pseudonym og gemmes aldrig",
            "status": "venter eller placeret (borgere); ledig, optaget, reserveret, lukket (pladser)",
            "placed_on": "Indflytningsdato dd-mm-åååå", "referred_on": "Visitationsdato dd-mm-åååå", "urgency": "normal, høj eller akut",
            "open_to_move": "ja/nej: borgeren har givet samtykke til at blive tilbudt flytning hjem",
        ]
        let en: [String: String] = [
            "residence_id": "The residence's id", "name": "Name", "operator": "own, municipal, regional or private",
            "municipality_code": "Municipality code (3 digits) or name", "postcode": "Postcode (4 digits)",
            "offer_type": "SEL85, ABL105, SEL107, SEL108, SEL110, SEL103 or SEL104",
            "target_groups": "Comma-separated: intellectual_disability, autism, mental_illness, acquired_brain_injury, physical_disability, substance_abuse, homelessness, dual_diagnosis",
            "support_level_min": "Support level 1-5", "support_level_max": "Support level 1-5", "support_level": "Support level 1-5",
            "features": "wheelchair, shielded, couples, pets", "required_features": "wheelchair, shielded, couples, pets",
            "places": "Number of places", "daily_rate": "Kroner per day, e.g. 1850.50", "variable_daily_cost": "Kroner per day that filling a place adds",
            "citizen_id": "Case number; a CPR number is replaced by a pseudonym and never stored",
            "status": "waiting or placed (citizens); vacant, occupied, reserved, closed (places)",
            "placed_on": "Move-in date yyyy-mm-dd", "referred_on": "Referral date yyyy-mm-dd", "urgency": "normal, high or acute",
            "open_to_move": "yes/no: the citizen consents to be offered a move home",
        ]
        return (lang == .da ? da : en)[column] ?? ""
    }
}
