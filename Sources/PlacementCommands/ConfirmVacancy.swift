import ArgumentParser
import PlacementModel
import PlacementStore

extension Placement {
    struct ConfirmVacancy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm-vacancy",
            abstract: "Record that a place's vacancy was confirmed (the residence was asked).",
            discussion: """
                A vacancy in a residence's own report is often stale. The matcher warns on a proposal \
                into a vacancy not confirmed within the policy's vacancy_confirm_days, and the weekly \
                report lists such vacancies; this command records a confirmation, in the audit log.

                Examples:
                  placement confirm-vacancy R615-01 3
                  placement confirm-vacancy R615-01 3 --on 2026-11-20
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The residence's id.")
        var residence: String

        @Argument(help: "The place's id in the residence.")
        var place: String

        @Option(name: .customLong("on"), help: ArgumentHelp("The day the vacancy was confirmed (default today).", valueName: "date"))
        var on: DayArgument?

        func validate() throws { try on.requireSupported("--on") }

        func run() throws {
            let db = try database.open()
            let words = DecisionText(language: try db.language(), db: db)
            let day = on?.day ?? Clock.today
            let before: Day?
            do {
                before = try db.confirmVacancy(residenceId: residence, placeId: place, on: day)
            } catch let e as DecisionError {
                throw UserError(e.text(words.language))
            }
            let was = before.map { words.da ? " (før: \(words.f.date($0)))" : " (before: \(words.f.date($0)))" } ?? ""
            print(words.da ? "Ledig plads bekræftet: plads \(place) på \(words.residence(residence)) den \(words.f.date(day))\(was)."
                  : "Vacancy confirmed: place \(place) in \(words.residence(residence)) on \(words.f.date(day))\(was).")
        }
    }
}
