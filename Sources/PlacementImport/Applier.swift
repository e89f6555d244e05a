import Foundation
import GRDB
import PlacementModel
import PlacementStore

/// What an import keeps in memory while it runs: the residences (hundreds to a few thousand,
/// whatever the size of the files), so each row is checked without a query. Places, of which
/// a national database has hundreds of thousands, are looked up by key instead.
final class ImportContext {
    var residences: [String: Residence] = [:]
    /// No citizens stored when the import began: every citizen row is new (repeats within the
    /// import are caught before), so the lookup of a stored one can be skipped.
    let citizensWereEmpty: Bool
    /// Whether any place is held by an occupant from outside the planning area.
    var hasUnknownOccupants: Bool
    /// The stays without a citizen (occupants from outside the planning area) by place
    /// ("residence/place"), in the order of their start: a placed citizen's row finds the one it
    /// replaces without a query. As many as such places, whatever the size of the files; while
    /// the rows load, only `Applier.replaceUnknownOccupant` changes them.
    var unknownOccupants: [String: [UnknownOccupant]] = [:]
    /// How many places of each residence the import's places sheets have listed so far.
    var placesListed: [String: Int] = [:]
    /// Places the places sheets declared vacant or closed, checked against stays at the end.
    var declaredStatuses: [DeclaredStatus] = []
    /// Closed places a citizen row was refused for ("residence/place"), not reported twice.
    var placesRefusedAsClosed: Set<String> = []
    /// The closed places ("residence/place"), stored or closed by this import's places sheets,
    /// kept in step with every place the import writes: a citizen row's place is checked
    /// without a query. A database has few of them, whatever the size of the files.
    var closedPlaces: Set<String> = []
    /// The import's time as the audit log writes it: every change of one import has the same.
    let stamp: String
    /// Who the audit entries name, asked once rather than for every change.
    let auditUser: String
    /// What the rows changed, per citizen and residence, and the decisions they contradicted.
    var changes: [ImportChange] = []
    var changesNotListed = 0
    var conflicts: [ImportConflictNote] = []
    let maxChanges: Int

    init(_ db: Database, now: Date, maxChanges: Int = 10_000) throws {
        stamp = Timestamp.utc(now)
        auditUser = try AuditUser.current(db)
        self.maxChanges = maxChanges
        citizensWereEmpty = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM citizen LIMIT 1)") == 0
        hasUnknownOccupants = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM placement WHERE citizen_id IS NULL)") ?? false
        if hasUnknownOccupants {
            let stays = try Row.fetchCursor(db, sql: """
                SELECT id, residence_id, place_id, starts_on, ends_on FROM placement
                WHERE citizen_id IS NULL AND place_id IS NOT NULL ORDER BY residence_id, place_id, starts_on, id
                """)
            while let row = try stays.next() {
                let r = RowReader(row, table: "placement")
                unknownOccupants[ImportContext.placeKey(try r.value(1), try r.value(2)), default: []]
                    .append(UnknownOccupant(id: try r.value(0), period: DayInterval(from: try r.day(3), to: try r.optionalDay(4))))
            }
        }
        let closed = try Row.fetchCursor(db, sql: "SELECT residence_id, id FROM place WHERE status = 'closed'")
        while let row = try closed.next() {
            let r = RowReader(row, table: "place")
            closedPlaces.insert(ImportContext.placeKey(try r.value(0), try r.value(1)))
        }
        try Residences.forEach(db) { residences[$0.id] = $0 }
    }

    static func placeKey(_ residenceId: String, _ placeId: String) -> String { "\(residenceId)/\(placeId)" }

    /// A stay without a citizen: its id and period.
    struct UnknownOccupant {
        let id: Int64
        let period: DayInterval
    }

    /// Keeps `closedPlaces` in step with a place the import stored (nil: deleted).
    func stored(_ residenceId: String, _ placeId: String, status: PlaceStatus?) {
        let key = Self.placeKey(residenceId, placeId)
        if status == .closed { closedPlaces.insert(key) } else { closedPlaces.remove(key) }
    }
}

/// Writes parsed rows into the open import transaction: inserts what is new, updates what
/// changed, leaves the rest, keeps history, and records every change in the audit log.
struct Applier {
    enum Outcome { case inserted, updated, unchanged, rejected }

    let db: Database
    let options: ImportOptions
    let now: Date
    var source: String
    let context: ImportContext

    func audit(_ entity: String, _ id: String, _ action: String, _ detail: String? = nil) throws {
        try AuditLog.append(db, at: context.stamp, command: options.command, entity: entity, entityId: id, action: action,
                            detail: detail, source: source, user: context.auditUser)
    }

    /// The audit context of a decision this import reconciles.
    var decisionAudit: AuditContext { AuditContext(command: options.command, at: context.stamp, source: source) }

    func note(_ change: ImportChange) {
        if context.changes.count < context.maxChanges { context.changes.append(change) } else { context.changesNotListed += 1 }
    }

    // MARK: Residences

    func apply(_ read: Residence, fields f: inout RowFields) throws -> Outcome {
        let r = context.residences[read.id].map { read.keeping($0, absent: f.map) } ?? read
        defer { context.residences[r.id] = r }
        guard let old = context.residences[r.id] else {
            try Residences.insert(db, r)
            if r.isOwn {
                for id in Places.anonymousIds(count: r.places) { try Places.insert(db, Place(residenceId: r.id, id: id)) }
            }
            try audit("residence", r.id, "insert", "\(r.name), \(r.operatorKind.rawValue), \(r.offerType.rawValue), \(r.places) places")
            note(ImportChange(.residenceNew, residence: r.id, fields: [FieldChange(field: "places", old: nil, new: String(r.places))]))
            return .inserted
        }
        guard old != r else { return .unchanged }
        try Residences.update(db, r)
        if r.isOwn {
            try resizeAnonymousPlaces(r, from: old.places)
        }
        try audit("residence", r.id, "update", Self.changes(old, r))
        note(ImportChange(.residenceUpdated, residence: r.id, fields: Self.fieldChanges(old, r)))
        return .updated
    }

    /// Keeps the places of an own residence imported without a places sheet in step with its
    /// `places` count; a place that someone lives in is never removed.
    private func resizeAnonymousPlaces(_ r: Residence, from oldCount: Int) throws {
        let existing = try Places.of(db, residenceId: r.id).map(\.id)
        if existing.count < r.places {
            var n = existing.count
            while existing.count + (n - existing.count) < r.places {
                n += 1
                var id = String(n)
                while existing.contains(id) { n += 1; id = String(n) }
                try Places.insert(db, Place(residenceId: r.id, id: id))
            }
        } else if existing.count > r.places {
            let removable = try String.fetchAll(db, sql: """
                SELECT id FROM place pl WHERE residence_id = ? AND NOT EXISTS (
                    SELECT 1 FROM placement p WHERE p.residence_id = pl.residence_id AND p.place_id = pl.id)
                ORDER BY length(id) DESC, id DESC
                """, arguments: [r.id])
            for id in removable.prefix(existing.count - r.places) {
                try db.execute(sql: "DELETE FROM place WHERE residence_id = ? AND id = ?", arguments: [r.id, id])
                context.stored(r.id, id, status: nil)
            }
        }
    }

    // MARK: Places

    func apply(_ read: Place, fields f: inout RowFields) throws -> Outcome {
        var p = read
        let confirmed = try confirmation(fields: &f)
        if f.hasErrors { return .rejected }
        guard let residence = context.residences[p.residenceId] else {
            f.error("residence_id", f.words.notKnownResidence, value: p.residenceId)
            return .rejected
        }
        guard residence.isOwn else {
            f.error("residence_id", f.words.externalHasNoPlaces, value: p.residenceId)
            return .rejected
        }
        // Repeated ids were refused before, so this counts the sheet's distinct places.
        let listed = context.placesListed[p.residenceId, default: 0] + 1
        context.placesListed[p.residenceId] = listed
        if listed > residence.places {
            f.error("place_id", f.words.placeBeyondCount(listed, p.residenceId, residence.places), value: p.id)
            return .rejected
        }
        let stored = try Places.find(db, residenceId: p.residenceId, id: p.id)
        if let stored { p = p.keeping(stored, absent: f.map) }
        if f.map.has("status"), p.status == .vacant || p.status == .closed {
            context.declaredStatuses.append(DeclaredStatus(residenceId: p.residenceId, placeId: p.id, status: p.status, file: f.file,
                                                           sheet: f.sheet, row: f.row.number, column: f.map.header["status"] ?? "status"))
        }
        guard let old = stored else {
            try Places.insert(db, p)
            context.stored(p.residenceId, p.id, status: p.status)
            try audit("place", "\(p.residenceId)/\(p.id)", "insert", p.status.rawValue)
            _ = try keepConfirmation(p, confirmed, fields: f)
            return .inserted
        }
        let confirmationChanged = try keepConfirmation(p, confirmed, fields: f)
        guard old != p else { return confirmationChanged ? .updated : .unchanged }
        try Places.update(db, p)
        context.stored(p.residenceId, p.id, status: p.status)
        try audit("place", "\(p.residenceId)/\(p.id)", "update", "status \(old.status.rawValue) → \(p.status.rawValue)")
        return .updated
    }

    // MARK: Citizens

    func apply(_ read: CitizenRecord, fields f: inout RowFields) throws -> Outcome {
        var rec = read
        var c = rec.citizen
        for id in c.preferredResidences + c.excludedResidences where context.residences[id] == nil {
            let column = c.preferredResidences.contains(id) ? "preferred_residences" : "excluded_residences"
            f.error(column, f.words.namesUnknownResidence, value: id)
        }
        if let res = rec.residenceId, context.residences[res] == nil {
            f.error("residence_id", f.words.notKnownResidence, value: res)
        }
        if f.hasErrors { return .rejected }

        var old = context.citizensWereEmpty ? nil : try Citizens.find(db, id: c.id)
        if let old {
            c = c.keeping(old, absent: f.map)
            rec.citizen = c
        }
        if let residenceId = rec.residenceId, let residence = context.residences[residenceId] {
            try checkPlacement(rec, in: residence, fields: &f)
            if f.hasErrors { return .rejected }
        }
        // The planner's decisions are reconciled before the row is stored (README, "When an
        // export and a decision disagree").
        let exportStatus = c.status
        var planned = old == nil ? nil : try Decisions.planned(db, citizenId: c.id)
        var heldForReassessment = false
        var notKnownYet = false
        if let a = planned, let stored = old {
            switch exportStatus {
            case .waiting:
                // The export does not know the acceptance yet: it stands, even with a changed
                // grant, which the planner is shown.
                c.status = stored.status
                if Self.grant(stored) != Self.grant(c) {
                    try conflict(a, .grantChanged, Self.changes(Self.grant(stored), Self.grant(c)),
                                 fields: Self.fieldChanges(Self.grant(stored), Self.grant(c)))
                }
            case .placed where rec.residenceId == a.residenceId:
                break  // the move-in is confirmed below, once the row's stay is known
            case .placed where try isStayBefore(a, rec):
                // A move home: the export still shows the stay the move ends; it does not know
                // the acceptance yet.
                notKnownYet = true
            case .placed, .left:
                // The export records what happened: it wins, and the acceptance is withdrawn.
                let elsewhere = exportStatus == .placed
                let detail = elsewhere
                    ? f.words.conflictPlacedElsewhere(rec.residenceId, from: rec.placedOn, planned: a.residenceId, moveIn: a.moveIn)
                    : f.words.conflictNoLongerServed(a.residenceId, moveIn: a.moveIn)
                try Decisions.withdraw(db, a, reason: detail, on: options.asOf, audit: decisionAudit)
                note(ImportChange(.withdrawn, citizen: c.id, residence: a.residenceId, day: a.moveIn))
                try conflict(a, elsewhere ? .placedElsewhere : .citizenLeft, detail,
                             exportResidenceId: elsewhere ? rec.residenceId : nil, exportDay: elsewhere ? rec.placedOn : nil)
                planned = nil
                old = try Citizens.find(db, id: c.id)
            }
        } else if let stored = old, exportStatus == .waiting, stored.status == .left,
                  let decline = try Decisions.awaitingReassessment(db, citizenId: c.id) {
            if Self.grant(stored) != Self.grant(c) {
                // The case worker has re-assessed: the citizen is waiting again.
                try Decisions.endReassessment(db, declineId: decline.declineId, waitingPeriodId: decline.waitingPeriodId,
                                              citizenId: c.id, on: options.asOf, audit: decisionAudit)
                note(ImportChange(.reassessed, citizen: c.id, day: options.asOf))
            } else {
                // Off the waiting list until re-assessed; the export does not know the decline yet.
                c.status = .left
                heldForReassessment = true
            }
        }
        var outcome: Outcome = .unchanged
        if let old {
            if old != c {
                try Citizens.update(db, c)
                try audit("citizen", c.id, "update", Self.changes(old, c))
                let fields = Self.fieldChanges(old, c).filter { $0.field != "status" }
                if !fields.isEmpty { note(ImportChange(.updated, citizen: c.id, fields: fields)) }
                outcome = .updated
            }
        } else {
            try Citizens.insert(db, c)
            try audit("citizen", c.id, "insert", "\(c.status.rawValue), \(c.offerType.rawValue)")
            if c.status == .waiting { note(ImportChange(.newWaiting, citizen: c.id, day: c.referredOn)) }
            outcome = .inserted
        }
        c.status = exportStatus
        // A citizen new to the database has no stays or waiting to compare with.
        let isNew = old == nil
        var historyChanged: Bool
        switch c.status {
        case .waiting:
            if let a = planned {
                historyChanged = false
                if options.asOf > a.moveIn.adding(days: Reconciliation.overdueAfterDays) {
                    try conflict(a, .overdue, f.words.conflictOverdue(on: options.asOf, days: a.moveIn.days(until: options.asOf),
                                                                      planned: a.residenceId, moveIn: a.moveIn))
                }
            } else {
                historyChanged = heldForReassessment ? false : try keepWaiting(c, isNew: isNew)
            }
        case .placed:
            historyChanged = false
            if notKnownYet { break }
            if let a = planned, let placedOn = rec.placedOn {
                if let refused = try Decisions.confirm(db, a, on: placedOn, placeId: rec.placeId, audit: decisionAudit) {
                    reportPlacementFailure(refused, placeId: rec.placeId, residenceId: a.residenceId, from: placedOn, fields: &f)
                    return .rejected
                }
                note(ImportChange(.movedIn, citizen: c.id, residence: a.residenceId, day: placedOn))
                historyChanged = true
            }
            historyChanged = try keepPlaced(rec, isNew: isNew, fields: &f) || historyChanged
        case .left: historyChanged = isNew ? false : try keepLeft(c, leavesOn: rec.leavesOn)
        }
        if f.hasErrors { return .rejected }
        return outcome == .unchanged && historyChanged ? .updated : outcome
    }

    /// Whether the row's stay is one already stored that began before the planned move-in
    /// (the external stay a move home ends).
    private func isStayBefore(_ a: Acceptance, _ rec: CitizenRecord) throws -> Bool {
        guard let residenceId = rec.residenceId, let placedOn = rec.placedOn, placedOn < a.moveIn else { return false }
        return try Placements.of(db, citizenId: a.citizenId).contains { $0.residenceId == residenceId && $0.period.from == placedOn }
    }

    /// What the case system grants: a change of it with a planned move-in is a conflict.
    static func grant(_ c: Citizen) -> Grant {
        Grant(offerType: c.offerType, targetGroups: c.targetGroups, supportLevel: c.supportLevel, requiredFeatures: c.requiredFeatures)
    }

    struct Grant: Equatable {
        var offerType: OfferType
        var targetGroups: TargetGroups
        var supportLevel: Int
        var requiredFeatures: Features
    }

    private func conflict(_ a: Acceptance, _ kind: ConflictKind, _ detail: String, fields: [FieldChange] = [],
                          exportResidenceId: String? = nil, exportDay: Day? = nil) throws {
        if try Decisions.recordConflict(db, a, kind: kind, detail: detail, on: options.asOf, exportResidenceId: exportResidenceId,
                                        exportDay: exportDay, audit: decisionAudit) {
            context.conflicts.append(ImportConflictNote(citizenId: a.citizenId, kind: kind, residenceId: a.residenceId, moveIn: a.moveIn,
                                                        exportResidenceId: exportResidenceId, exportDay: exportDay, detail: detail,
                                                        fields: fields))
        }
    }

    /// A waiting citizen has one open waiting period, from the referral date.
    private func keepWaiting(_ c: Citizen, isNew: Bool) throws -> Bool {
        var changed = false
        // RowRecords refuses a waiting citizen without a referral date, so this is always there.
        guard let referred = c.referredOn else { return false }
        if isNew {
            try WaitingPeriods.insert(db, WaitingPeriod(citizenId: c.id, period: DayInterval(from: referred, to: nil)))
            return true
        }
        if let (pid, p) = try Placements.current(db, citizenId: c.id), p.period.to.map({ $0 > options.asOf }) ?? true {
            // Back on the waiting list: the stay ended by the time of this export.
            let end = max(options.asOf, p.period.from.adding(days: 1))
            try Placements.setEnd(db, id: pid, endsOn: end)
            try audit("placement", c.id, "close", "\(p.residenceId) ended \(end.iso); citizen waiting again")
            note(ImportChange(.waitingAgain, citizen: c.id, residence: p.residenceId, day: end))
            changed = true
        }
        if let (wid, since) = try WaitingPeriods.open(db, citizenId: c.id) {
            if since != referred {
                try WaitingPeriods.setSince(db, id: wid, referred)
                try audit("waiting", c.id, "update", "since \(since.iso) → \(referred.iso)")
                changed = true
            }
        } else {
            try WaitingPeriods.insert(db, WaitingPeriod(citizenId: c.id, period: DayInterval(from: referred, to: nil)))
            try audit("waiting", c.id, "insert", "since \(referred.iso)")
            changed = true
        }
        return changed
    }

    /// A placed citizen has a stay from `placed_on`; a stay elsewhere before it ends that day
    /// (a move), and an open waiting period closes that day.
    private func keepPlaced(_ rec: CitizenRecord, isNew: Bool, fields f: inout RowFields) throws -> Bool {
        let c = rec.citizen
        // RowRecords and the resolver refuse a placed citizen without a known residence and day.
        guard let residenceId = rec.residenceId, let placedOn = rec.placedOn, let residence = context.residences[residenceId] else {
            return false
        }
        var changed = false
        var keepPlace: String? = nil
        var movedFrom: String? = nil
        if !isNew, let (pid, p) = try Placements.current(db, citizenId: c.id) {
            if p.residenceId == residenceId && p.period.from == placedOn {
                keepPlace = p.placeId
                let wantedPlace = residence.isOwn ? (rec.placeId ?? p.placeId) : nil
                // An absent column keeps what the stay has; an empty one clears it.
                let leavesOn = f.map.has("leaves_on") ? rec.leavesOn : p.period.to
                let rate = f.map.has("daily_rate") ? rec.dailyRate : p.dailyRate
                let updated = Placement(citizenId: c.id, residenceId: residenceId, placeId: wantedPlace,
                                        period: DayInterval(from: placedOn, to: leavesOn), dailyRate: rate)
                if updated != p {
                    if let failure = try attempt({ try Placements.update(db, id: pid, updated) }) {
                        reportPlacementFailure(failure, placeId: wantedPlace, residenceId: residenceId, from: placedOn, fields: &f)
                        return false
                    }
                    try audit("placement", c.id, "update", "\(residenceId) from \(placedOn.iso)"
                              + (leavesOn.map { ", leaves \($0.iso)" } ?? ""))
                    changed = true
                }
                let bridge = Self.isBridge(rec, in: residence)
                changed = try keepBridgeFlag(stayId: pid, bridge, citizenId: c.id) || changed
                if bridge { return try keepBridgeWaiting(c) || changed }
                return try closeWaiting(c, on: placedOn, referredOn: c.referredOn) || changed
            }
            if p.period.from < placedOn && (p.period.to.map { $0 > placedOn } ?? true) {
                try Placements.setEnd(db, id: pid, endsOn: placedOn)
                try audit("placement", c.id, "close", "moved from \(p.residenceId) on \(placedOn.iso)")
                movedFrom = p.residenceId
                changed = true
            } else if p.period.from >= placedOn {
                f.error("placed_on", f.words.notAfterStoredStay(p.residenceId, p.period.from),
                        value: placedOn.danish)
                return false
            }
        }
        var placeId: String? = nil
        if residence.isOwn {
            if let wanted = rec.placeId ?? keepPlace {
                // An unknown place is refused by the stay's foreign key; see reportPlacementFailure.
                placeId = wanted
            } else {
                placeId = try Placements.freePlaces(db, residenceId: residenceId, from: placedOn, to: rec.leavesOn).first
                if placeId == nil {
                    f.error("residence_id", f.words.noFreePlace(from: placedOn, places: residence.places), value: residenceId)
                    return false
                }
            }
        }
        let stay = Placement(citizenId: c.id, residenceId: residenceId, placeId: placeId,
                             period: DayInterval(from: placedOn, to: rec.leavesOn), dailyRate: rec.dailyRate)
        try replaceUnknownOccupant(residenceId, placeId, from: placedOn, to: rec.leavesOn, by: c.id)
        var stayId: Int64 = 0
        if let failure = try attempt({ stayId = try Placements.insert(db, stay) }) {
            reportPlacementFailure(failure, placeId: placeId, residenceId: residenceId, from: placedOn, fields: &f)
            return false
        }
        try audit("placement", c.id, "insert", "\(residenceId)\(placeId.map { "/" + $0 } ?? "") from \(placedOn.iso)"
                  + (rec.leavesOn.map { ", leaves \($0.iso)" } ?? ""))
        note(ImportChange(movedFrom == nil ? .placed : .moved, citizen: c.id, residence: residenceId, from: movedFrom, day: placedOn))
        if Self.isBridge(rec, in: residence) {
            // A bridge leaves the waiting for the granted offer open (README, "Bridging placements").
            _ = try keepBridgeFlag(stayId: stayId, true, citizenId: c.id)
            _ = try keepBridgeWaiting(c)
            return true
        }
        if isNew {
            if let referred = c.referredOn, referred <= placedOn {
                try WaitingPeriods.insert(db, WaitingPeriod(citizenId: c.id, period: DayInterval(from: referred, to: placedOn), outcome: .placed))
            }
        } else {
            _ = try closeWaiting(c, on: placedOn, referredOn: c.referredOn)
        }
        return true
    }

    /// Closes the open waiting period at placement, or records the waiting that preceded it.
    private func closeWaiting(_ c: Citizen, on placedOn: Day, referredOn: Day?) throws -> Bool {
        if let (wid, since) = try WaitingPeriods.open(db, citizenId: c.id) {
            if since > placedOn { try WaitingPeriods.setSince(db, id: wid, referredOn ?? placedOn) }
            try WaitingPeriods.close(db, id: wid, on: placedOn, outcome: .placed)
            try audit("waiting", c.id, "close", "placed \(placedOn.iso)")
            return true
        }
        guard let referred = referredOn, referred <= placedOn else { return false }
        let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM waiting_period WHERE citizen_id = ? AND since = ?)",
                                       arguments: [c.id, referred]) ?? false
        guard !exists else { return false }
        try WaitingPeriods.insert(db, WaitingPeriod(citizenId: c.id, period: DayInterval(from: referred, to: placedOn), outcome: .placed))
        return true
    }

    private func keepLeft(_ c: Citizen, leavesOn: Day?) throws -> Bool {
        var changed = false
        if let (pid, p) = try Placements.current(db, citizenId: c.id), p.period.to == nil {
            let end = max(leavesOn ?? options.asOf, p.period.from.adding(days: 1))
            try Placements.setEnd(db, id: pid, endsOn: end)
            try audit("placement", c.id, "close", "left \(p.residenceId) \(end.iso)")
            note(ImportChange(.left, citizen: c.id, residence: p.residenceId, day: end))
            changed = true
        }
        if let (wid, since) = try WaitingPeriods.open(db, citizenId: c.id) {
            try WaitingPeriods.close(db, id: wid, on: max(since, options.asOf), outcome: .withdrawn)
            try audit("waiting", c.id, "close", "no longer served")
            if !changed { note(ImportChange(.left, citizen: c.id, day: max(since, options.asOf))) }
            changed = true
        }
        return changed
    }

    // MARK: History

    func apply(_ h: HistoryRecord, fields f: inout RowFields) throws -> Outcome {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM citizen WHERE id = ?)"), arguments: [h.citizenId]) == true else {
            f.error("citizen_id", f.words.notKnownCitizen, value: h.citizenId)
            return .rejected
        }
        guard let residence = context.residences[h.residenceId] else {
            f.error("residence_id", f.words.notKnownResidence, value: h.residenceId)
            return .rejected
        }
        if let closes = residence.closesOn, h.placedOn >= closes {
            f.error("placed_on", f.words.afterClosing(residence.id, closes), value: h.placedOn.danish)
            return .rejected
        }
        let exists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM placement WHERE citizen_id = ? AND residence_id = ? AND starts_on = ?)"),
                                       arguments: [h.citizenId, h.residenceId, h.placedOn]) ?? false
        if exists { return .unchanged }
        var placeId: String? = nil
        if residence.isOwn {
            if let given = h.placeId { placeId = given } else {
                placeId = try Placements.freePlaces(db, residenceId: h.residenceId, from: h.placedOn, to: h.leftOn).first
            }
            if placeId == nil {
                f.error("residence_id", f.words.noFreePlace(from: h.placedOn, to: h.leftOn), value: h.residenceId)
                return .rejected
            }
        }
        let stay = Placement(citizenId: h.citizenId, residenceId: h.residenceId, placeId: placeId,
                             period: DayInterval(from: h.placedOn, to: h.leftOn), dailyRate: h.dailyRate)
        try replaceUnknownOccupant(h.residenceId, placeId, from: h.placedOn, to: h.leftOn, by: h.citizenId)
        if let failure = try attempt({ try Placements.insert(db, stay) }) {
            reportPlacementFailure(failure, placeId: placeId, residenceId: h.residenceId, from: h.placedOn, fields: &f)
            return .rejected
        }
        if let r = h.referredOn {
            try WaitingPeriods.insert(db, WaitingPeriod(citizenId: h.citizenId, period: DayInterval(from: r, to: h.placedOn), outcome: .placed))
        }
        try audit("placement", h.citizenId, "insert", "\(h.residenceId) \(h.placedOn.iso) – \(h.leftOn.iso) (history)")
        return .inserted
    }

    /// A place marked occupied by someone outside the planning area (a stay without a
    /// citizen, from a places sheet) is taken over when the occupant turns out to be known.
    private func replaceUnknownOccupant(_ residenceId: String, _ placeId: String?, from: Day, to: Day?, by citizenId: String) throws {
        guard let placeId, context.hasUnknownOccupants else { return }
        let key = ImportContext.placeKey(residenceId, placeId)
        guard let stays = context.unknownOccupants[key] else { return }
        var kept: [ImportContext.UnknownOccupant] = []
        for stay in stays {
            guard stay.period.overlaps(DayInterval(from: from, to: to)) else { kept.append(stay); continue }
            try db.cachedStatement(sql: "DELETE FROM placement WHERE id = ?").execute(arguments: [stay.id])
            try audit("placement", key, "delete", "occupant outside the planning area replaced by \(citizenId)")
        }
        context.unknownOccupants[key] = kept.isEmpty ? nil : kept
    }

    // MARK: Failures the schema catches

    /// Runs a write the schema may refuse; returns the refusal instead of throwing.
    private func attempt(_ body: () throws -> Void) throws -> StoreConstraint? { try StoreConstraint.attempt(body) }

    func reportPlacementFailure(_ refused: StoreConstraint, placeId: String?, residenceId: String, from: Day, fields f: inout RowFields) {
        switch refused {
        case .placeOccupied:
            f.error("place_id", f.words.placeOccupied(residenceId, from: from), value: placeId ?? "")
        case .citizenAlreadyPlaced:
            f.error("placed_on", f.words.overlapsOwnStay, value: from.danish)
        case .missingReference where placeId != nil:
            // The residence is known (checked before), so the place is not one of its places.
            f.error("place_id", f.words.notAPlaceOf(residenceId), value: placeId ?? "")
        case .missingReference:
            f.error(nil, f.words.refusedMissingReference)
        case .other(let message):
            f.error(nil, f.words.refused(message))
        }
    }

    // MARK: Describing changes

    /// "field: old → new" for the fields that differ, names only for what is personal.
    static func changes<T>(_ old: T, _ new: T) -> String {
        let a = Mirror(reflecting: old).children, b = Array(Mirror(reflecting: new).children)
        var parts: [String] = []
        for (i, child) in a.enumerated() {
            let x = String(describing: child.value), y = String(describing: b[i].value)
            if x != y, let label = child.label { parts.append("\(label): \(Self.short(x)) → \(Self.short(y))") }
        }
        return parts.joined(separator: "; ")
    }

    /// The fields that differ, as data for the import's report.
    static func fieldChanges<T>(_ old: T, _ new: T) -> [FieldChange] {
        let a = Mirror(reflecting: old).children, b = Array(Mirror(reflecting: new).children)
        var out: [FieldChange] = []
        for (i, child) in a.enumerated() {
            let x = String(describing: child.value), y = String(describing: b[i].value)
            guard x != y, let label = child.label else { continue }
            out.append(FieldChange(field: label, old: x == "nil" ? nil : Self.short(x), new: y == "nil" ? nil : Self.short(y)))
        }
        return out
    }

    private static func short(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "Optional(", with: "").replacingOccurrences(of: "PlacementModel.", with: "")
        if t.hasSuffix(")") && s.hasPrefix("Optional(") { t.removeLast() }
        return t.count > 60 ? String(t.prefix(57)) + "..." : t
    }
}
