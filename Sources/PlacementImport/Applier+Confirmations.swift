import Foundation
import GRDB
import PlacementModel
import PlacementStore

/// The places sheet's `vacancy_confirmed_on` column: the day the residence last confirmed the
/// place's vacancy (`VacancyConfirmations`). An absent column keeps what is stored (a
/// confirmation by command stands); an empty cell clears it.
extension Applier {
    /// The row's confirmation day, checked: not after the day the export describes.
    func confirmation(fields f: inout RowFields) throws -> Day? {
        guard f.map.has("vacancy_confirmed_on") else { return nil }
        let day = f.optional("vacancy_confirmed_on", CellParsing.date)
        if let day, day > options.asOf {
            f.error("vacancy_confirmed_on", f.words.afterImportDate(f.words.format.date(options.asOf)), value: f.words.format.date(day))
        }
        return day
    }

    /// Stores the row's confirmation when the column is there and it differs; whether it did.
    func keepConfirmation(_ p: Place, _ day: Day?, fields f: RowFields) throws -> Bool {
        guard f.map.has("vacancy_confirmed_on") else { return false }
        let stored = try VacancyConfirmations.confirmedOn(db, residenceId: p.residenceId, placeId: p.id)
        guard stored != day else { return false }
        try VacancyConfirmations.set(db, residenceId: p.residenceId, placeId: p.id, day)
        try audit("place", "\(p.residenceId)/\(p.id)", "confirm", "vacancy confirmed \(day?.iso ?? "-")"
                  + (stored.map { " (was \($0.iso))" } ?? ""))
        return true
    }
}
