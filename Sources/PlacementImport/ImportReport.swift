/// What an import did or, on a dry run or a failure, would have done.
public struct ImportedFile: Sendable, Codable, Equatable {
    public var name: String
    public var sha256: String
}

public struct ImportReport: Sendable, Codable, Equatable {
    public struct SheetSummary: Sendable, Codable, Equatable {
        public var file: String
        public var sheet: String?
        public var kind: SheetKind
        public var dialect: String?
        public var rowsRead = 0
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        /// Rows read past: titles and group headers above the header row, totals rows.
        public var skipped = 0

        public init(file: String, sheet: String?, kind: SheetKind, dialect: String?) {
            self.file = file
            self.sheet = sheet
            self.kind = kind
            self.dialect = dialect
        }

        /// Rows read that were neither stored nor unchanged: refused for their errors.
        public var withErrors: Int { max(0, rowsRead - inserted - updated - unchanged) }
    }

    public var sheets: [SheetSummary] = []
    public var issues: [ImportIssue] = []
    /// Waiting citizens absent from a full export of the waiting list.
    public var missingWaiting: [String] = []
    /// Whether those were closed (`--close-missing`).
    public var closedMissing = false
    public var dryRun = false
    /// True when the database was changed (no errors and not a dry run).
    public var committed = false
    /// Errors beyond the reporting cap are counted, not listed.
    public var errorsNotListed = 0
    /// What changed per citizen and residence, in file order (at most `maxChanges`; the rest are counted).
    public var changes: [ImportChange] = []
    public var changesNotListed = 0
    /// Where the files contradicted a planner's decision.
    public var conflicts: [ImportConflictNote] = []
    /// The files and their SHA-256, as the audit log names them.
    public var files: [ImportedFile] = []
    /// An import that changed nothing could not write its own audit entry (another command held
    /// the write lock): why, in the database's words.
    public var filesNotLogged: String?

    public init() {}

    public var errorCount: Int { issues.filter { $0.severity == .error }.count + errorsNotListed }
    public var warningCount: Int { issues.filter { $0.severity == .warning }.count }
    public var noticeCount: Int { issues.filter { $0.severity == .notice }.count }
    public var hasErrors: Bool { errorCount > 0 }
}

/// How an import runs.
public struct ImportOptions: Sendable {
    /// The day the files describe; moves and closings are dated from it.
    public var asOf: Day
    public var dryRun = false
    public var closeMissing = false
    /// Force the kind of every sheet (`--kind`), instead of recognising it.
    public var kind: SheetKind?
    /// The command recorded in the audit log.
    public var command = "import"
    /// Called now and then with (file, rows read) for a progress line.
    public var progress: (@Sendable (String, Int) -> Void)?
    /// At most this many issues are listed; the rest are counted.
    public var maxIssues = 1000
    /// At most this many changes are kept in the report; the rest are counted.
    public var maxChanges = 10_000
    /// The language of the messages: the database's, or `--lang`.
    public var language: Language = .en

    public init(asOf: Day, dryRun: Bool = false, closeMissing: Bool = false, kind: SheetKind? = nil, language: Language = .en) {
        self.asOf = asOf
        self.language = language
        self.dryRun = dryRun
        self.closeMissing = closeMissing
        self.kind = kind
    }
}

import PlacementModel
