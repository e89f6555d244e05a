import ArgumentParser
import Foundation
import PlacementGenerator
import PlacementModel
import PlacementStore

extension Placement {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
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

        @Option(help: "The language of the messages: da or en (default: the language of the database in PLACEMENT_DB or ./placement.sqlite, else English).")
        var lang: Language?

        func validate() throws {
            try asOf.requireSupported("--as-of")
            guard historyYears >= 1 else { throw Refusal.error("--history-years skal være mindst 1.", "--history-years must be at least 1.") }
            if let c = citizens, c < 10 { throw Refusal.error("--citizens skal være mindst 10.", "--citizens must be at least 10.") }
        }

        func run() throws {
            let language = lang ?? Refusal.language
            var spec = WorldSpec()
            spec.seed = seed
            spec.municipalities = try Init.planningArea(municipalities, language: language)
            if let d = asOf?.day { spec.asOf = d }
            spec.historyYears = historyYears
            spec.citizens = citizens
            let summary = try WorldGenerator.write(spec, to: URL(fileURLWithPath: out, isDirectory: true))
            print(Self.wrote(out, summary, language))
        }

        /// The one line that says what was written. English keeps its plain numbers (scripts
        /// read it); Danish groups thousands with a point.
        static func wrote(_ out: String, _ s: WorldSummary, _ language: Language) -> String {
            let placed = s.citizensPlacedOwn + s.citizensPlacedExternal
            guard language == .da else {
                return "Wrote \(out): \(s.ownResidences) own and \(s.externalResidences) external residences, "
                    + "\(s.ownPlaces) own places, \(s.citizensWaiting) waiting, \(placed) placed citizens "
                    + "(\(s.citizensBridging) of them bridging while they wait)."
            }
            let n = DisplayFormat(.da).integer as (Int) -> String
            return "Skrev \(out): \(n(s.ownResidences)) egne og \(n(s.externalResidences)) eksterne tilbud, "
                + "\(n(s.ownPlaces)) egne pladser, \(n(s.citizensWaiting)) på venteliste, \(n(placed)) placerede borgere "
                + "(\(n(s.citizensBridging)) af dem i overgangsophold, mens de venter)."
        }
    }
}
