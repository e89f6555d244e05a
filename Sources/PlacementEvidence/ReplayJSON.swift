import Foundation
import PlacementModel
import PlacementReports

/// The replays and the recorded outcome as JSON: the period and, per column, every figure and
/// every placement (pseudonymous ids only).
public enum ReplayJSON {
    struct Document: Encodable {
        /// ISO dates (`2025-11-24`), as every other JSON of the tool writes them.
        var from: String, to: String, lagDays: Int
        var outcomes: [Summary]
    }

    struct Summary: Encodable {
        var name: String
        var placed: Int, placedOwn: Int, boughtExternal: Int
        var externalAnnualNetOre: Int64
        var movesHome: Int
        var stillWaiting: Int
        var medianWaitDays: Double?
        /// Match days whose match failed (left out when none).
        var failedMatchDays: [String]?
        var percentile90WaitDays: Int?
        var longestWaitDays: Int?
        var placements: [ReplayOutcome.Placed]
    }

    public static func render(recorded: ReplayOutcome, replays: [ReplayOutcome], from: Day, to: Day, lag: Int) -> String {
        let doc = Document(from: from.iso, to: to.iso, lagDays: lag, outcomes: ([recorded] + replays).map { o in
            Summary(name: o.name, placed: o.placed.count, placedOwn: o.ownCount, boughtExternal: o.externalCount,
                    externalAnnualNetOre: o.externalAnnualNet.ore, movesHome: o.movesHome, stillWaiting: o.stillWaiting.count,
                    medianWaitDays: o.medianWait.map { Double($0.twice) / 2 },
                    failedMatchDays: o.failedMatchDays.isEmpty ? nil : o.failedMatchDays.map(\.iso), percentile90WaitDays: o.percentile90,
                    longestWaitDays: o.longest, placements: o.placed)
        })
        return JSONOutput.text(doc) + "\n"
    }
}
