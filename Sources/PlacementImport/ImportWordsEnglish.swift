import PlacementModel

extension ImportWords {
    /// The import's sentences in English.
    public static let en: ImportWords = {
        let w = ImportWords()
        w.language = .en
        let f = DisplayFormat(.en)
        w.sheet = "sheet"
        w.row = "row"
        w.rows = "rows"
        w.column = "column"

        w.noSuchFile = "no such file"
        w.cannotTellKind = "cannot tell what this sheet holds; name it residences/tilbud, places/pladser, citizens/borgere or placements, or give --kind"
        w.sheetIgnored = "not recognised as residences, places, citizens or placements; ignored"
        w.noHeaderRow = "has no header row"

        w.missingColumn = { name, danish in "has no column \"\(name)\" (\(danish)), which is required" }
        w.unknownColumn = { near in "is not a known column; ignored" + (near.map { "; did you mean \"\($0)\"?" } ?? "") }
        w.nameNotStored = "is not stored: the planner keeps no names, only case numbers"
        w.aboveHeader = { "stands above the header (row \($0)), a title or a group header; skipped" }
        w.totalsRow = "is a totals row; skipped"
        w.textOnlyInFirstColumn = "is the only text of its row (a totals or section row); skipped"
        w.uncalculatedFormulas = { cells, n in
            (n == 1 ? "cell \(cells) holds a formula without a stored value" : "cells \(cells) hold formulas without stored values")
                + " (the file was written by a program that does not calculate); open the file in Excel or LibreOffice, save it and import again"
        }
        let advice = "write the column's name in the header or delete the column"
        w.headerBlank = { "stands in a column whose header (row \($0)) is blank; \(advice)" }
        w.headerUnreadable = { row, e in "stands in a column whose header (row \(row)) is not readable (\(e), a broken formula); \(advice)" }
        w.headerRepeated = { letter, first, field in
            "stands in column \(letter), whose header repeats column \(first) (\(field)); only one column can give \(field): delete or rename one of them"
        }
        w.headerRepeatedEmpty = { first, field in "repeats the header of column \(first) (\(field)) and is empty; ignored" }

        w.cprWithoutKey = "is a CPR number, and this database's pseudonym key is not on this computer; "
            + "import the key with `placement key import FILE` (or name it with --key-file) and import again"
        w.requiredEmpty = "is empty; this column is required"
        w.appearsAgain = { "appears again; first at \($0)" }
        w.below = { other, v in "is below \(other) (\(v))" }
        w.notAfter = { other, v in "is not after \(other) (\(v))" }
        w.after = { other, v in "is after \(other) (\(v))" }
        w.afterImportDate = { "is after the import date \($0)" }
        w.aboveDailyRate = { "is above the daily rate (\($0)); check the figure" }
        w.needsPostcodeOrCoordinates = "is empty; a postcode or latitude and longitude are required"
        w.liesInMunicipality = { actual, given in "lies in municipality \(actual), not \(given)" }
        w.homeMunicipalityNeeded = "is empty; required when several municipalities plan together"
        w.waitingNeedsReferral = "is empty; a waiting citizen needs a referral date"
        w.placedNeedsResidence = "is empty; a placed citizen needs the residence"
        w.placedNeedsMoveIn = "is empty; a placed citizen needs the move-in date"
        w.neededByBeforeReferral = "is before the referral date"
        w.aSupportLevel = "a support level (1-5)"
        w.anAge = "an age (0-130)"
        w.aNumberOfPlaces = "a number of places (0 or more)"
        w.aBirthYear = "a birth year"
        w.aDistance = "a distance in km (1-1000)"
        w.aLatitude = "latitude"
        w.aLongitude = "longitude"

        w.sheetLine = { o in
            let read = "\(f.integer(o.rowsRead)) row\(o.rowsRead == 1 ? "" : "s") read"
            let skipped = o.skipped > 0 ? ", \(f.integer(o.skipped)) skipped" : ""
            // Changed and unchanged rows are counted in one wording, stored or tried.
            let rest = "\(f.integer(o.updated)) updated, \(f.integer(o.unchanged)) unchanged"
            switch o.state {
            case .committed:
                return "\(read)\(skipped), \(f.integer(o.inserted)) inserted, \(rest)"
            case .dryRun:
                return "\(read)\(skipped), \(f.integer(o.inserted)) would be inserted, \(rest)"
            case .failed:
                return "\(read)\(skipped), \(f.integer(o.withErrors)) with errors: nothing imported"
            }
        }
        w.notices = { "\(f.integer($0)) notice\($0 == 1 ? "" : "s"):" }
        w.warnings = { "\(f.integer($0)) warning\($0 == 1 ? "" : "s"):" }
        w.errors = { "\(f.integer($0)) error\($0 == 1 ? "" : "s"):" }
        w.moreErrors = { "… and \(f.integer($0)) more errors not listed" }
        w.closedMissing = { n, ids in "Closed \(f.integer(n)) waiting citizen(s) absent from the export: \(ids)" }
        w.keptMissing = { n, ids in
            "\(f.integer(n)) waiting citizen(s) are absent from this export and were kept: \(ids). Re-run with --close-missing to close them."
        }
        w.nothingImported = "Nothing was imported: the database is unchanged. Correct the errors above and import again."
        w.dryRunValid = "Dry run: the files are valid; nothing was written."
        w.fileRows = { name, rows, changed in "\(name): \(f.integer(rows)) row\(rows == 1 ? "" : "s"), \(f.integer(changed)) changed" }
        w.changeCount = { kind, n in
            let c = f.integer(n)
            switch kind {
            case .newWaiting: return "\(c) new on the waiting list"
            case .placed: return "\(c) placed"
            case .moved: return "\(c) moved"
            case .waitingAgain: return "\(c) waiting again"
            case .left: return "\(c) left or no longer waiting"
            case .updated: return "\(c) citizen\(n == 1 ? "" : "s") with a changed grant or wishes"
            case .movedIn: return "\(c) move-in\(n == 1 ? "" : "s") confirmed"
            case .withdrawn: return "\(c) planned move-in\(n == 1 ? "" : "s") withdrawn"
            case .reassessed: return "\(c) re-assessed"
            case .residenceNew: return "\(c) new residence\(n == 1 ? "" : "s")"
            case .residenceUpdated: return "\(c) residence\(n == 1 ? "" : "s") changed"
            }
        }
        w.changesNotCounted = { "\(f.integer($0)) more changes not kept one by one" }
        w.conflictCount = { "\(f.integer($0)) conflict\($0 == 1 ? "" : "s") with decisions" }
        w.noChanges = "no changes"
        w.changesNotRecorded = "The changes one by one were not kept (imported before database version 7); see the audit log."
        w.noImports = "Nothing has been imported yet."
        w.importsColumns = ["No.", "Time (UTC)", "User", "Export as of", "Files (SHA-256)"]
        w.noSuchImport = { n, last in
            "There is no import number \(n)" + (last.map { "; the imports are numbered 1-\($0) (see `placement imports`)." } ?? "; nothing has been imported yet.")
        }
        w.importHeading = { n, at, user, day in
            "Import \(n), \(at) UTC, by \(user)" + (day.map { ", export as of \($0)" } ?? "")
        }
        w.unknownUser = "unknown"
        w.imported = { rows, s, rate in "Imported \(f.integer(rows)) rows in \(s) s (\(f.integer(rate)) rows/s)." }
        return w
    }()
}
