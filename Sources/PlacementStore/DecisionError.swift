import PlacementModel

/// Why a decision could not be recorded, in the planner's words (Danish or English).
public enum DecisionError: Error, CustomStringConvertible, Equatable {
    case noRun(Int64)
    case notProposed(citizen: String, run: Int64)
    case noteRequired
    case reasonRequired
    case declinedBeforeRun(day: Day, run: Int64, runDay: Day)
    case nothingToWithdraw(citizen: String)
    case noDecline(citizen: String, run: Int64)
    case noPlannedMoveIn(citizen: String)
    case noConflict(Int64)
    case conflictResolved(Int64)
    case cannotMoveIn(citizen: String, why: String)
    /// `confirm-vacancy` named a place the database does not have.
    case unknownPlace(residenceId: String, placeId: String)

    public var description: String { text(.en) }

    public func text(_ l: Language) -> String {
        let da = l == .da
        switch self {
        case .noRun(let id):
            return da ? "Der er ingen matchkørsel \(id); se kørslernes numre i `placement match`."
                : "There is no match run \(id); see the run ids printed by `placement match`."
        case .notProposed(let c, let run):
            return da ? "Kørsel \(run) har intet åbent forslag for \(c)." : "Run \(run) has no open proposal for \(c)."
        case .noteRequired:
            return da ? "Et afslag med årsagen `other` skal have en note (--note \"…\")."
                : "A decline with reason `other` needs a note (--note \"…\")."
        case .reasonRequired:
            return da ? "En tilbagetrækning skal have en årsag (--reason \"…\")." : "A withdrawal needs a reason (--reason \"…\")."
        case .declinedBeforeRun(let day, let run, let runDay):
            return da ? "--on \(day.iso) er før kørsel \(run) blev lavet for \(runDay.iso): et forslag kan ikke afslås, før det findes."
                : "--on \(day.iso) is before run \(run) was made for \(runDay.iso): a proposal cannot be refused before it exists."
        case .nothingToWithdraw(let c):
            return da ? "\(c) har ingen planlagt indflytning og intet åbent forslag at trække tilbage."
                : "\(c) has no planned move-in and no open proposal to withdraw."
        case .noDecline(let c, let run):
            return da ? "Kørsel \(run) har intet gældende afslag for \(c)." : "Run \(run) has no standing decline for \(c)."
        case .noPlannedMoveIn(let c):
            return da ? "\(c) har ingen planlagt indflytning." : "\(c) has no planned move-in."
        case .noConflict(let id):
            return da ? "Der er ingen konflikt \(id); se `placement conflicts`." : "There is no conflict \(id); see `placement conflicts`."
        case .conflictResolved(let id):
            return da ? "Konflikt \(id) er allerede afgjort." : "Conflict \(id) is resolved already."
        case .cannotMoveIn(let c, let why):
            return da ? "\(c) kan ikke flytte ind: \(why)." : "\(c) cannot move in: \(why)."
        case .unknownPlace(let r, let p):
            return da ? "Tilbud \(r) har ingen plads \(p); se pladserne i `placement status` eller pladsarket."
                : "Residence \(r) has no place \(p); see the places in `placement status` or the places sheet."
        }
    }
}

/// Why one proposal of a run could not be accepted (the others still are).
public enum AcceptRefusal: Equatable, Sendable {
    /// The run has no proposal for the citizen, or it is no longer open (accepted, declined, withdrawn).
    case notOpen(status: String?)
    case noFit
    /// The citizen left the waiting list since the run.
    case notWaiting
    /// A move home, but the citizen no longer lives in an external residence.
    case noExternalStay
    /// The citizen already has a planned move-in elsewhere.
    case alreadyPlanned(residenceId: String, moveIn: Day)
    /// The place, or the citizen, has another stay from the move-in day.
    case placeTaken(placeId: String?, residenceId: String, from: Day)

    public func text(_ l: Language) -> String {
        let da = l == .da
        switch self {
        case .notOpen(let status):
            switch status {
            case nil: return da ? "kørslen har intet forslag for borgeren" : "the run has no proposal for the citizen"
            case "accepted": return da ? "forslaget er allerede accepteret" : "the proposal is accepted already"
            case "declined": return da ? "forslaget er afslået" : "the proposal was declined"
            default: return da ? "forslaget er trukket tilbage" : "the proposal was withdrawn"
            }
        case .noFit: return da ? "intet botilbud passer" : "no residence fits"
        case .notWaiting: return da ? "borgeren venter ikke længere" : "the citizen is no longer waiting"
        case .noExternalStay: return da ? "borgeren bor ikke længere i et eksternt tilbud" : "the citizen no longer lives in an external residence"
        case .alreadyPlanned(let r, let d):
            return da ? "borgeren skal allerede flytte ind i \(r) fra \(d.danish)" : "the citizen is already to move into \(r) from \(d.iso)"
        case .placeTaken(let p, let r, let d):
            let place = p.map { da ? "plads \($0) i \(r)" : "place \($0) in \(r)" } ?? r
            return da ? "\(place) er ikke længere ledig fra \(d.danish)" : "\(place) is no longer free from \(d.iso)"
        }
    }
}
