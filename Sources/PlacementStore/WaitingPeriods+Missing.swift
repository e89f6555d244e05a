import GRDB
import PlacementModel

extension WaitingPeriods {
    /// Closes the waiting of citizens a full export of the waiting list no longer lists
    /// (`import --close-missing`): they are no longer served, from `day`.
    public static func closeMissing(_ db: Database, _ citizens: [String], on day: Day, audit: AuditContext) throws {
        for id in citizens {
            if let (wid, since) = try open(db, citizenId: id) {
                try close(db, id: wid, on: max(since, day), outcome: .closedMissing)
            }
            try Citizens.setStatus(db, id: id, .left)
            try audit.log(db, "waiting", id, "close", "not in the full export of the waiting list")
        }
    }
}
