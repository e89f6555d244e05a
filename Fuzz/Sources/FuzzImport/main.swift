import Foundation
import FuzzSupport
import PlacementImport
import PlacementModel
import PlacementStore

/// The first byte says the sheet kind and the file's format; the rest is the file, imported
/// with `--dry-run` into an in-memory database that already holds a residence, a place and a
/// citizen (so references can resolve). An import reports issues or succeeds; it never traps,
/// and a dry run leaves the database as it was.
///
/// First byte: its low bits modulo 5 are residences, places, citizens, placements, or none
/// (the kind is recognised from the header, as without `--kind`); bit 7 makes the rest the
/// XML of an .xlsx file's worksheet and shared strings, separated by a NUL byte (title rows,
/// totals rows, formula cells and date styles are the workbook's), else it is a CSV file.
func fuzzImport(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0, let db = World.database else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let choice = Int(bytes[0] & 0x7F) % (SheetKind.allCases.count + 1)
    let kind = choice < SheetKind.allCases.count ? SheetKind.allCases[choice] : nil
    let name = kind?.rawValue ?? "import"
    let rest = UnsafeRawBufferPointer(rebasing: bytes[1...])
    let url: URL
    if bytes[0] & 0x80 != 0 {
        let parts = WorkbookParts.split(rest, count: 2)
        guard let zipped = WorkbookParts.xlsx(sheet: parts[0], sharedStrings: parts[1]) else { return 0 }
        url = ScratchFile.write(zipped, name: "\(name).xlsx")
    } else {
        url = ScratchFile.write(rest, name: "\(name).csv")
    }
    var options = ImportOptions(asOf: World.asOf, dryRun: true, kind: kind)
    options.maxIssues = 50
    _ = try? Importer(database: db, options: options).run(files: [url], now: World.now)
    return 0
}
enum World {
    static let asOf = Day(clampedYear: 2026, month: 11, day: 23)
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// Made once per process by a real (not dry-run) import of a tiny canonical world.
    nonisolated(unsafe) static let database: PlacementDatabase? = {
        guard let db = try? PlacementDatabase.inMemory(planningArea: [615], language: .da, now: now) else { return nil }
        // The first rows of seeds/ (the generator's canonical headers).
        let files = [
            ("residences.csv", """
                residence_id,name,operator,municipality_code,postcode,latitude,longitude,offer_type,target_groups,support_level_min,support_level_max,features,age_min,age_max,places,daily_rate,variable_daily_cost,opens_on,closes_on
                615-001,Boligerne Spurvehøj,own,615,8700,55.86060,9.89656,ABL105,intellectual_disability,1,3,wheelchair,18,,15,2421.50,615,,
                """),
            ("places.csv", "place_id,residence_id,features,status,available_from\n1,615-001,,vacant,\n2,615-001,,occupied,\n"),
            ("citizens.csv", """
                citizen_id,birth_year,home_municipality_code,network_postcode,target_groups,offer_type,support_level,required_features,status,residence_id,place_id,placed_on,leaves_on,daily_rate,referred_on,needed_by,urgency,open_to_move,preferred_residences,excluded_residences,max_distance_km
                B0000002,1977,615,8653,intellectual_disability,ABL105,1,wheelchair,placed,615-001,2,2014-10-30,,,2014-09-04,,,,,,
                B0000003,1990,615,8700,intellectual_disability,ABL105,2,,waiting,,,,,,2026-03-04,,,,,,
                """),
        ]
        let urls = files.map { ScratchFile.write(Data($0.1.utf8), name: $0.0) }
        _ = try? Importer(database: db, options: ImportOptions(asOf: asOf)).run(files: urls, now: now)
        return db
    }()
}

// Made before the first input: the world lives as long as the process, and what it allocates
// is no input's leak.
_ = World.database
FuzzDriver.run { data, count in
    guard let data else { return 0 }
    return fuzzImport(UnsafeRawPointer(data), count)
}
