import PlacementModel

/// One problem found in a file, located as precisely as the file allows. Rendered in one
/// place (`description`), so every message reads the same way:
/// `Venteliste.csv row 14, column "Støtteniveau": "6" is not a support level (1-5)`.
public struct ImportIssue: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var severity: Severity
    public var file: String
    public var sheet: String?
    public var row: Int?
    /// The column's header as written in the file.
    public var column: String?
    /// The offending value, already masked if it could be a CPR number.
    public var value: String?
    public var message: String

    public init(_ severity: Severity, file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil,
                value: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.value = value.map(CPR.mask)
        self.message = message
    }

    public var description: String {
        var place = file
        if let sheet { place += ", sheet \"\(sheet)\"" }
        if let row { place += " row \(row)" }
        if let column { place += (row == nil ? " " : ", ") + "column \"\(column)\"" }
        if let value { return "\(place): \"\(value)\" \(message)" }
        return "\(place): \(message)"
    }
}
