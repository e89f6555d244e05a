import Foundation
import PlacementModel
import Spreadsheet

/// The `demand` (behov) sheet of IMPORT.md: known future demand the history cannot show, such
/// as young people from the children's area turning 18 within the plan. Each row adds `count`
/// citizens referred in `year`, spread evenly over the year, on top of the estimated referrals.
public struct DemandSheet: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var year: Int
        public var offerType: OfferType
        public var targetGroups: TargetGroups
        /// nil: drawn like the history's referrals of the offer type and groups (3 without any).
        public var supportLevel: Int?
        public var count: Int
        public var source: String?
        /// The row number in the file, for the report.
        public var line: Int

        public init(year: Int, offerType: OfferType, targetGroups: TargetGroups, supportLevel: Int? = nil, count: Int,
                    source: String? = nil, line: Int = 0) {
            self.year = year
            self.offerType = offerType
            self.targetGroups = targetGroups
            self.supportLevel = supportLevel
            self.count = count
            self.source = source
            self.line = line
        }
    }

    public struct Problems: Error, CustomStringConvertible, Equatable {
        public var messages: [String]
        public var description: String { messages.joined(separator: "\n") }
    }

    public var file: String
    public var rows: [Row]

    public init(file: String, rows: [Row]) {
        self.file = file
        self.rows = rows
    }

    /// The columns, English name first, then the Danish aliases (the first is the template's).
    static let columns: [(name: String, aliases: [String], required: Bool)] = [
        ("year", ["år", "aar"], true),
        ("offer_type", ["paragraf", "ydelse", "bevilget_ydelse"], true),
        ("target_groups", ["målgrupper", "målgruppe", "maalgrupper"], true),
        ("support_level", ["støtteniveau", "takstniveau"], false),
        ("count", ["antal", "antal_borgere"], true),
        ("source", ["kilde", "note", "bemærkning"], false),
    ]

    /// The template's header row (`placement template demand`), in the planners' language.
    public static func templateHeader(language: Language) -> [String] {
        columns.map { language == .da ? $0.aliases[0] : $0.name }
    }

    /// The template's columns for its guide: the English name (the key of the column's help
    /// text) and whether a row needs a value there; in header order.
    public static var templateColumns: [(name: String, isRequired: Bool)] { columns.map { ($0.name, $0.required) } }

    /// An example row for the template.
    public static func templateExample(language: Language) -> [String] {
        language == .da ? ["2028", "§ 108", "autisme, udviklingshæmning", "4", "3", "børneområdet, 17-årige"]
                        : ["2028", "SEL108", "autism, intellectual_disability", "4", "3", "children's area, aged 17"]
    }

    /// Reads the sheet from a CSV or XLSX file (the sheet named `demand`/`behov`, else the first).
    /// All problems of the file are reported at once, each with its row and column.
    /// The problems are worded in `language`.
    /// A damaged or unreadable file is refused in `language` too (`SpreadsheetError.danishDescription`).
    public static func read(url: URL, language: Language = .en) throws -> DemandSheet {
        do {
            return try readSheet(url: url, language: language)
        } catch let e as SpreadsheetError where language == .da {
            throw Problems(messages: [e.danishDescription])
        }
    }

    private static func readSheet(url: URL, language: Language) throws -> DemandSheet {
        let l = language
        let book = try Workbook.open(url)
        let fileName = url.lastPathComponent
        let sheet = book.sheet(named: "demand") ?? book.sheet(named: "behov") ?? book.sheets.first
        guard let sheet else { throw Problems(messages: ["\(fileName): " + l.pick("har intet ark", "has no sheet")]) }
        let place = book.sheets.count > 1 || url.pathExtension.lowercased() == "xlsx" ? "\(fileName), \(l.pick("ark", "sheet")) \"\(sheet.name)\"" : fileName
        var problems: [String] = []
        var header: [String: Int] = [:]
        var headerNames: [Int: String] = [:]
        var rows: [Row] = []
        var columnMissing = false
        try book.readRows(sheet: sheet.index) { row in
            if header.isEmpty && !row.isEmpty {
                for (i, text) in row.texts.enumerated() {
                    let k = Terms.key(text)
                    guard let col = columns.first(where: { c in ([c.name] + c.aliases).contains { Terms.key($0) == k } }) else { continue }
                    header[col.name] = i
                    headerNames[i] = Terms.trimmed(text)
                }
                for c in columns where c.required && header[c.name] == nil {
                    columnMissing = true
                    problems.append(l.pick("\(place) række \(row.number): kolonnen \"\(c.name)\" (\(c.aliases[0])) mangler",
                                           "\(place) row \(row.number): the column \"\(c.name)\" (\(c.aliases[0])) is missing"))
                }
                if header.isEmpty { header["-"] = -1 }
                return
            }
            guard !row.isEmpty, !columnMissing else { return }
            func cell(_ name: String) -> String { header[name].map { Terms.trimmed(row.text($0)) } ?? "" }
            func bad(_ name: String, _ danish: String, _ english: String) {
                let shown = header[name].flatMap { headerNames[$0] } ?? name
                problems.append(l.pick("\(place) række \(row.number), kolonne \"\(shown)\": \"\(cell(name))\" \(danish)",
                                       "\(place) row \(row.number), column \"\(shown)\": \"\(cell(name))\" \(english)"))
            }
            let year = Int(cell("year")).flatMap { (2000...2100).contains($0) ? $0 : nil }
            if year == nil { bad("year", "er ikke et år (fx 2028)", "is not a year (e.g. 2028)") }
            let offer = Terms.offerType(cell("offer_type"))
            if offer == nil { bad("offer_type", "er ikke en tilbudstype (fx § 108, SEL108, ABL § 105)", "is not an offer type (e.g. § 108, SEL108, ABL § 105)") }
            let groups = Terms.targetGroups(cell("target_groups"))
            if groups == nil { bad("target_groups", "er ikke en liste af målgrupper (\(Terms.targetGroupHintDanish))",
                                       "is not a list of target groups (\(Terms.targetGroupHint))") }
            var level: Int? = nil
            if !cell("support_level").isEmpty {
                level = Int(cell("support_level")).flatMap { (1...5).contains($0) ? $0 : nil }
                if level == nil { bad("support_level", "er ikke et støtteniveau (1-5)", "is not a support level (1-5)") }
            }
            let count = Terms.decimal(cell("count")).flatMap { $0.1 == 0 && $0.0 >= 0 && $0.0 <= 100_000 ? Int($0.0) : nil }
            if count == nil { bad("count", "er ikke et antal (et helt antal borgere, 0 eller flere)", "is not a count (a whole number of citizens, 0 or more)") }
            let source = cell("source")
            if let year, let offer, let groups, let count, level != nil || cell("support_level").isEmpty {
                rows.append(Row(year: year, offerType: offer, targetGroups: groups, supportLevel: level, count: count,
                                source: source.isEmpty ? nil : source, line: row.number))
            }
        }
        if header.isEmpty { let header = templateHeader(language: .da).joined(separator: ";")
            problems.append(l.pick("\(place): er tom; forventet en overskriftsrække (\(header)) og rækker",
                                   "\(place): is empty; expected a header row (\(header)) and rows")) }
        if !problems.isEmpty { throw Problems(messages: problems) }
        return DemandSheet(file: fileName, rows: rows)
    }
}
