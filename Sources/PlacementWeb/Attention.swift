import GRDB
import PlacementModel
import PlacementStore

/// What the overview lists as needing attention beside the weekly figures' own counts: the
/// citizens past their deadline today (the store's waiting list, `WaitingList.on`, as status
/// and the report read it), the planned move-ins (accepted, not moved in), the import
/// conflicts no one has settled, and the own places standing vacant with no one accepted into
/// them. Read in one transaction.
struct Attention: Sendable {
    struct Vacancy: Sendable { let residence: String; let place: String; let since: Day? }

    /// Waiting today, with each one's days past the deadline (`needed_by`).
    let waiting: WaitingListOnDay
    let planned: [Acceptance]
    let conflicts: [ImportConflict]
    let unfilled: [Vacancy]
    let residenceNames: [String: String]

    static func load(_ db: Database, on day: Day) throws -> Attention {
        let names = try Residences.names(db)
        // An own place vacant today (`PlaceOccupancy.state`: no stay covers the day and it is not
        // held back, whatever the export marked) that nobody is accepted into: a planned move-in will fill it.
        let occupancy = try PlaceOccupancy.on(db, day)
        let unfilled = try Row.fetchAll(db, sql: """
            SELECT p.residence_id, p.id, p.available_from, p.status FROM place p JOIN residence r ON r.id = p.residence_id
            WHERE r.operator = 'own'
              AND NOT EXISTS (SELECT 1 FROM acceptance a WHERE a.status = 'accepted' AND a.residence_id = p.residence_id AND a.place_id = p.id)
            ORDER BY p.available_from IS NOT NULL, p.available_from, p.residence_id, length(p.id), p.id
            """).compactMap { row -> Vacancy? in
            let r = RowReader(row, table: "place")
            let residence: String = try r.value(0), place: String = try r.value(1)
            let state = occupancy.state(residenceId: residence, placeId: place, marked: try r.term(3, PlaceStatus.self))
            return state == .vacant ? Vacancy(residence: residence, place: place, since: try r.optionalDay(2)) : nil
        }
        return Attention(waiting: try WaitingList.on(db, day), planned: try Decisions.allPlanned(db), conflicts: try Decisions.conflicts(db, openOnly: true).reversed(),
                         unfilled: unfilled, residenceNames: names)
    }

    func name(_ residence: String) -> String { residenceNames[residence] ?? residence }

    /// How an export contradicts a decision: the domain's one wording, as `placement conflicts` says it.
    static func kindName(_ kind: ConflictKind, _ t: Words) -> String { kind.name(t.language) }
}
