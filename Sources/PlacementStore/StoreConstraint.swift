import GRDB

/// A write the schema refused, recognised by SQLite's extended result code (a trigger's RAISE,
/// a foreign key) and, for the triggers, by the message `schema.sql` gives each one: spelled
/// here once, beside the schema, so no engine matches the text of a message.
public enum StoreConstraint: Equatable, Sendable {
    /// `placement_place_free_on_*`: another stay holds the place in that period.
    case placeOccupied
    /// `placement_citizen_single_on_*`: the citizen has another stay in that period.
    case citizenAlreadyPlaced
    /// A foreign key names a row that does not exist (a place not of that residence, …).
    case missingReference
    /// Any other constraint (CHECK, UNIQUE, NOT NULL), with SQLite's message.
    case other(String)

    /// The RAISE messages of `schema.sql`'s triggers.
    static let placeOccupiedMessage = "place already occupied in that period"
    static let citizenPlacedMessage = "citizen already placed in that period"

    /// The constraint `error` reports; nil for an error that is not a refused constraint.
    public init?(_ error: any Error) {
        guard let e = error as? DatabaseError, e.resultCode == .SQLITE_CONSTRAINT else { return nil }
        switch e.extendedResultCode {
        case .SQLITE_CONSTRAINT_TRIGGER where e.message == Self.placeOccupiedMessage: self = .placeOccupied
        case .SQLITE_CONSTRAINT_TRIGGER where e.message == Self.citizenPlacedMessage: self = .citizenAlreadyPlaced
        case .SQLITE_CONSTRAINT_FOREIGNKEY: self = .missingReference
        default: self = .other(e.message ?? "constraint")
        }
    }

    /// Runs a write the schema may refuse; returns the refusal instead of throwing it.
    public static func attempt(_ body: () throws -> Void) throws -> StoreConstraint? {
        do {
            try body()
            return nil
        } catch {
            if let refused = StoreConstraint(error) { return refused }
            throw error
        }
    }
}
