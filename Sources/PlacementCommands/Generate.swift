import ArgumentParser
import Foundation
import PlacementGenerator
import PlacementModel

extension Placement {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic planning area as canonical CSV files (no real person's data).",
            discussion: """
                The same seed and options always write byte-identical files; seeds/ is made this way.

                Examples:
                  placement generate --seed 1 --municipalities 615 --out seeds/
                  placement generate --municipalities all --history-years 3 --out /tmp/national
                  placement generate --municipalities all --citizens 1000000 --out /tmp/big
                """)

        @Option(help: "Seed of the random generator.")
        var seed: UInt64 = 1

        @Option(help: ArgumentHelp("Municipality codes or names of the planning area, comma-separated, or all.", valueName: "codes"))
        var municipalities: String = "615"

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The world's today.", valueName: "date"))
        var asOf: DayArgument?

        @Option(name: .customLong("history-years"), help: "Years of placement history.")
        var historyYears: Int = 2

        @Option(help: "Scale the world to about this many citizens.")
        var citizens: Int?

        @Option(help: ArgumentHelp("Directory to write into.", valueName: "dir"))
        var out: String

        func validate() throws {
            try asOf.requireSupported("--as-of")
            guard historyYears >= 1 else { throw ValidationError("--history-years must be at least 1.") }
            if let c = citizens, c < 10 { throw ValidationError("--citizens must be at least 10.") }
        }

        func run() throws {
            var spec = WorldSpec()
            spec.seed = seed
            spec.municipalities = try Init.planningArea(municipalities)
            if let d = asOf?.day { spec.asOf = d }
            spec.historyYears = historyYears
            spec.citizens = citizens
            let summary = try WorldGenerator.write(spec, to: URL(fileURLWithPath: out, isDirectory: true))
            print("Wrote \(out): \(summary.ownResidences) own and \(summary.externalResidences) external residences, "
                  + "\(summary.ownPlaces) own places, \(summary.citizensWaiting) waiting, "
                  + "\(summary.citizensPlacedOwn + summary.citizensPlacedExternal) placed citizens "
                  + "(\(summary.citizensBridging) of them bridging while they wait).")
        }
    }
}
