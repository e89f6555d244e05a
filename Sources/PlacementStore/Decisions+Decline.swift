import Foundation
import GRDB
import PlacementModel

extension PlacementDatabase {
    /// Records that the run's proposal for `citizen` was refused. Its consequence stands on its
    /// own, beside the export's data: an exclusion from the residence (read by the match from
    /// the standing declines, never written into the citizen's excluded residences), or, for a
    /// changed need, leaving the waiting list until re-assessed.
    public func decline(run: Int64, citizen: String, reason: DeclineReason, note: String?, on day: Day, now: Date = Date()) throws {
        // A note is free text, printed in every weekly report and kept in the audit log
        // forever: a CPR number in it is masked whole before it is stored (CPR.maskText).
        let note = note.map(CPR.maskText)
        try write(command: "decline") { db in
            let runDay = try ProposalRow.runDay(db, run: run)
            guard let p = try ProposalRow.find(db, run: run, citizen: citizen), p.status == "proposed" else {
                throw DecisionError.notProposed(citizen: citizen, run: run)
            }
            if reason == .other && (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty { throw DecisionError.noteRequired }
            guard day >= runDay else { throw DecisionError.declinedBeforeRun(day: day, run: run, runDay: runDay) }
            var waitingId: Int64?
            if reason == .needChanged, let (wid, since) = try WaitingPeriods.open(db, citizenId: citizen) {
                try WaitingPeriods.close(db, id: wid, on: max(since, day), outcome: .reassessment)
                try Citizens.setStatus(db, id: citizen, .left)
                waitingId = wid
            }
            try db.execute(sql: """
                INSERT INTO decline(run_id, citizen_id, residence_id, reason, note, declined_on, waiting_period_id) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [run, citizen, p.residenceId, reason.rawValue, note, day, waitingId])
            try db.execute(sql: "UPDATE proposal SET status = 'declined' WHERE run_id = ? AND citizen_id = ?", arguments: [run, citizen])
            try AuditContext(command: "decline", now: now).log(db, "proposal", citizen, reason.rawValue,
                                                               "run \(run), \(p.residenceId ?? "-")" + (note.map { ": \($0)" } ?? ""))
        }
    }

    /// Revokes the standing decline of the run's proposal for `citizen` (recorded in error, or
    /// the refusal was taken back): its exclusion ends, a citizen it took off the waiting list
    /// is waiting again, and the proposal is open again.
    public func revokeDecline(run: Int64, citizen: String, on day: Day, now: Date = Date()) throws {
        try write(command: "revoke") { db in
            _ = try ProposalRow.runDay(db, run: run)
            guard let r = try Row.fetchOne(db, sql: """
                SELECT id, reason, residence_id, waiting_period_id FROM decline
                WHERE run_id = ? AND citizen_id = ? AND ended_on IS NULL ORDER BY id DESC LIMIT 1
                """, arguments: [run, citizen]) else { throw DecisionError.noDecline(citizen: citizen, run: run) }
            let row = RowReader(r, table: "decline")
            let id: Int64 = try row.value(0), reason: String = try row.value(1), residence: String? = try row.optional(2)
            let wid: Int64? = try row.optional(3)
            try db.execute(sql: "UPDATE decline SET ended_on = ?, ended_how = 'revoked' WHERE id = ?", arguments: [day, id])
            if let wid, try WaitingPeriods.open(db, citizenId: citizen) == nil {
                try db.execute(sql: "UPDATE waiting_period SET until = NULL, outcome = NULL WHERE id = ? AND outcome = 'reassessment'", arguments: [wid])
                try Citizens.setStatus(db, id: citizen, .waiting)
            }
            try db.execute(sql: "UPDATE proposal SET status = 'proposed' WHERE run_id = ? AND citizen_id = ? AND status = 'declined'",
                           arguments: [run, citizen])
            try AuditContext(command: "revoke", now: now).log(db, "proposal", citizen, "revoke", "run \(run), \(residence ?? "-"): \(reason) revoked")
        }
    }
}
