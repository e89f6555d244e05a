import PlacementStore

/// The Danish words for the store's refusals of a database as a whole, said by a command
/// before any database is open (so `--lang da` decides). The English is `StoreError`'s own.
extension StoreError {
    var danish: String? {
        switch self {
        case .notFound(let path):
            "Der er ingen database i \(path). Opret en med `placement init --municipality KODE --db \(path)`."
        case .alreadyExists(let path):
            "Der findes allerede en database i \(path); vælg en anden sti, eller fjern den først."
        case .newerSchema(let found, let supported):
            "Databasen har skemaversion \(found), nyere end dette program kan læse (\(supported)); opdatér placement."
        case .notAPlacementDatabase(let path):
            "\(path) er ikke en placement-database."
        case .unknownMunicipality, .invalid, .badRow:
            nil
        }
    }
}
