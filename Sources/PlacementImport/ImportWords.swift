import PlacementModel

/// Every sentence the import prints, one table per language (`ImportWords.da` in
/// ImportWordsDanish.swift, `ImportWords.en` in ImportWordsEnglish.swift), in the manner of
/// the weekly report's `Labels`. Messages are made in the language of the run
/// (`ImportOptions.language`: the database's, or `--lang`); counts and amounts come from
/// `PlacementModel.DisplayFormat`, so a Danish run writes `1.234` and `1.850 kr.`.
///
/// A class, not a struct: every row of a file carries its run's words (`RowFields`), and a
/// struct of this many sentences and closures was copied, retained and released per row, a
/// measurable share of a large import. `@unchecked Sendable`: each instance is built once, by
/// its language's table (`da`, `en`), and never changed after; nothing outside this module
/// can set a field.
public final class ImportWords: @unchecked Sendable {
    public internal(set) var language: Language = .en
    var format: DisplayFormat { DisplayFormat(language) }

    public static func of(_ language: Language) -> ImportWords { language == .da ? .da : .en }

    // Where a problem is
    var sheet = ""
    var row = ""
    var rows = ""
    var column = ""
    /// The kind of a sheet, as the summary names it.
    var kindName: @Sendable (SheetKind) -> String = { $0.rawValue }
    /// A file's dialect as the reader describes it (`CSV, semicolon, UTF-8, LF`), worded.
    var dialect: @Sendable (String) -> String = { $0 }

    // Recognising files and sheets
    var noSuchFile = ""
    var cannotTellKind = ""
    var sheetIgnored = ""
    var noHeaderRow = ""
    /// The Spreadsheet module's message about a file (it words them in English) in this language.
    var spreadsheet: @Sendable (String) -> String = { $0 }

    // The header
    /// A required column missing: (its name, its Danish name).
    var missingColumn: @Sendable (_ name: String, _ danish: String) -> String = { _, _ in "" }
    /// An unknown header, ignored; with the known one it resembles, if any.
    var unknownColumn: @Sendable (_ didYouMean: String?) -> String = { _ in "" }
    var nameNotStored = ""
    /// A row above the header row (a title, a merged group header), skipped.
    var aboveHeader: @Sendable (_ headerRow: Int) -> String = { _ in "" }
    var totalsRow = ""
    var textOnlyInFirstColumn = ""
    /// Formula cells without a stored value: the cells named (`F5`, `F5–F9`), how many.
    var uncalculatedFormulas: @Sendable (_ cells: String, _ count: Int) -> String = { _, _ in "" }
    var headerBlank: @Sendable (_ headerRow: Int) -> String = { _ in "" }
    var headerUnreadable: @Sendable (_ headerRow: Int, _ error: String) -> String = { _, _ in "" }
    var headerRepeated: @Sendable (_ letter: String, _ first: String, _ field: String) -> String = { _, _, _ in "" }
    var headerRepeatedEmpty: @Sendable (_ first: String, _ field: String) -> String = { _, _ in "" }

    // One row
    var requiredEmpty = ""
    var cprWithoutKey = ""
    var appearsAgain: @Sendable (_ firstAt: String) -> String = { _ in "" }
    var below: @Sendable (_ other: String, _ value: String) -> String = { _, _ in "" }
    var notAfter: @Sendable (_ other: String, _ value: String) -> String = { _, _ in "" }
    var after: @Sendable (_ other: String, _ value: String) -> String = { _, _ in "" }
    var afterImportDate: @Sendable (_ day: String) -> String = { _ in "" }
    var aboveDailyRate: @Sendable (_ rate: String) -> String = { _ in "" }
    var needsPostcodeOrCoordinates = ""
    var liesInMunicipality: @Sendable (_ actual: Int, _ given: Int) -> String = { _, _ in "" }
    var homeMunicipalityNeeded = ""
    var waitingNeedsReferral = ""
    var placedNeedsResidence = ""
    var placedNeedsMoveIn = ""
    var neededByBeforeReferral = ""
    // What a number must be, completing "is not ..." in CellParsing's phrases.
    var aSupportLevel = ""
    var anAge = ""
    var aNumberOfPlaces = ""
    var aBirthYear = ""
    var aDistance = ""
    var aLatitude = ""
    var aLongitude = ""
    /// CellParsing's phrase ("is not a date (dd-mm-yyyy or yyyy-mm-dd)") in this language.
    var expected: @Sendable (String) -> String = { $0 }

    // The summary
    var sheetLine: @Sendable (_ outcome: SheetOutcome) -> String = { _ in "" }
    var notices: @Sendable (Int) -> String = { _ in "" }
    var warnings: @Sendable (Int) -> String = { _ in "" }
    var errors: @Sendable (Int) -> String = { _ in "" }
    var moreErrors: @Sendable (Int) -> String = { _ in "" }
    var closedMissing: @Sendable (_ count: Int, _ ids: String) -> String = { _, _ in "" }
    var keptMissing: @Sendable (_ count: Int, _ ids: String) -> String = { _, _ in "" }
    var nothingImported = ""
    var dryRunValid = ""
    var imported: @Sendable (_ rows: Int, _ seconds: String, _ rate: Int) -> String = { _, _, _ in "" }

    // Past imports (`placement imports`)
    /// A file of a past import: its rows, and how many of them it inserted or updated.
    public var fileRows: @Sendable (_ name: String, _ rows: Int, _ changed: Int) -> String = { _, _, _ in "" }
    public var changeCount: @Sendable (_ kind: ImportChange.Kind, _ count: Int) -> String = { _, _ in "" }
    public var changesNotCounted: @Sendable (Int) -> String = { _ in "" }
    public var conflictCount: @Sendable (Int) -> String = { _ in "" }
    public var noChanges = ""
    public var changesNotRecorded = ""
    public var noImports = ""
    /// The list's columns: number, time, user, day described, files.
    public var importsColumns: [String] = []
    public var noSuchImport: @Sendable (_ number: Int64, _ last: Int64?) -> String = { _, _ in "" }
    /// The heading of `imports show N`: its number, time, user, and the day its files described.
    public var importHeading: @Sendable (_ number: Int64, _ at: String, _ user: String, _ day: String?) -> String = { _, _, _, _ in "" }
    public var unknownUser = ""

    /// What one sheet gave, for its summary line: what happened, never what would have.
    struct SheetOutcome: Sendable {
        enum State: Sendable { case committed, dryRun, failed }
        var state: State
        var rowsRead: Int
        var inserted: Int
        var updated: Int
        var unchanged: Int
        var withErrors: Int
        var skipped: Int
    }
}
