import Foundation
import PlacementModel

/// The replays and the recorded outcome as JSON: the period and, per column, every figure and
/// every placement (pseudonymous ids only).
public enum ReplayJSON {
    struct Document: Encodable {
        var from: Day, to: Day, lagDays: Int
        var outcomes: [Summary]
    }

    struct Summary: Encodable {
        var name: String
        var placed: Int, placedOwn: Int, boughtExternal: Int
        var externalAnnualNetOre: Int64
        var movesHome: Int
        var stillWaiting: Int
        var medianWaitDays: Double?
        var percentile90WaitDays: Int?
        var longestWaitDays: Int?
        var placements: [ReplayOutcome.Placed]
    }

    public static func render(recorded: ReplayOutcome, replays: [ReplayOutcome], from: Day, to: Day, lag: Int) -> String {
        let doc = Document(from: from, to: to, lagDays: lag, outcomes: ([recorded] + replays).map { o in
            Summary(name: o.name, placed: o.placed.count, placedOwn: o.ownCount, boughtExternal: o.externalCount,
                    externalAnnualNetOre: o.externalAnnualNet.ore, movesHome: o.movesHome, stillWaiting: o.stillWaiting.count,
                    medianWaitDays: o.medianTwice.map { Double($0) / 2 }, percentile90WaitDays: o.percentile90,
                    longestWaitDays: o.longest, placements: o.placed)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = (try? encoder.encode(doc)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
