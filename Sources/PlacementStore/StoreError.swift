/// What can go wrong with a database as a whole. Each case reads as one clear sentence.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case notFound(path: String)
    case alreadyExists(path: String)
    case newerSchema(found: Int, supported: Int)
    case notAPlacementDatabase(path: String)
    case unknownMunicipality(String)
    case invalid(String)
    /// A row the model cannot hold (edited by hand, or a damaged file).
    case badRow(table: String, key: String, column: String, problem: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            "No database at \(path). Create one with `placement init --municipality CODE --db \(path)`."
        case .alreadyExists(let path):
            "A database already exists at \(path); choose another path or remove it first."
        case .newerSchema(let found, let supported):
            "The database has schema version \(found), newer than this program supports (\(supported)); update placement."
        case .notAPlacementDatabase(let path):
            "\(path) is not a placement database."
        case .unknownMunicipality(let text):
            "\"\(text)\" is not a Danish municipality code or name."
        case .invalid(let text):
            text
        case .badRow(let table, let key, let column, let problem):
            "The database has a \(table) row that cannot be used: \(table) \"\(key)\", \(column): \(problem). "
                + "Correct the row or restore a backup."
        }
    }
}
