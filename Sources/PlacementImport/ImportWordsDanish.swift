import Foundation
import PlacementModel
import Spreadsheet

extension ImportWords {
    /// The import's sentences in Danish.
    public static let da: ImportWords = {
        let w = ImportWords()
        w.language = .da
        let f = DisplayFormat(.da)
        w.sheet = "ark"
        w.row = "række"
        w.rows = "række"
        w.column = "kolonne"
        w.kindName = { kind in
            switch kind {
            case .residences: "tilbud"
            case .places: "pladser"
            case .citizens: "borgere"
            case .placements: "forløb"
            }
        }
        w.dialect = { text in
            var t = text
            for (en, da) in [("semicolon", "semikolon"), ("comma", "komma"), ("tab", "tabulator"), ("pipe", "lodret streg"),
                             ("with BOM", "med BOM"), ("1904 date system", "1904-datosystem"), (" sheets", " ark"), (" sheet", " ark")] {
                t = t.replacingOccurrences(of: en, with: da)
            }
            return t
        }

        w.noSuchFile = "filen findes ikke"
        w.cannotTellKind = "kan ikke se, hvad arket indeholder; kald det tilbud/residences, pladser/places, borgere/citizens eller placements, eller angiv --kind"
        w.sheetIgnored = "ikke genkendt som tilbud, pladser, borgere eller forløb; ignoreret"
        w.noHeaderRow = "har ingen overskriftsrække"

        w.missingColumn = { name, danish in "har ingen kolonne \"\(danish)\" (\(name)), som er påkrævet" }
        w.unknownColumn = { near in "er ikke en kendt kolonne; ignoreret" + (near.map { "; mente du \"\($0)\"?" } ?? "") }
        w.nameNotStored = "gemmes ikke: planlæggeren gemmer ingen navne, kun sagsnumre"
        w.aboveHeader = { "står over overskriftsrækken (række \($0)), en titel eller en gruppeoverskrift; sprunget over" }
        w.totalsRow = "er en sumrække; sprunget over"
        w.textOnlyInFirstColumn = "er rækkens eneste tekst (en sum- eller afsnitsrække); sprunget over"
        w.uncalculatedFormulas = { cells, n in
            (n == 1 ? "celle \(cells) indeholder en formel uden gemt værdi" : "cellerne \(cells) indeholder formler uden gemte værdier")
                + " (filen er skrevet af et program, der ikke regner formler ud); åbn filen i Excel eller LibreOffice, gem den og importér igen"
        }
        let advice = "skriv kolonnens navn i overskriften, eller slet kolonnen"
        w.headerBlank = { "står i en kolonne, hvis overskrift (række \($0)) er tom; \(advice)" }
        w.headerUnreadable = { row, e in "står i en kolonne, hvis overskrift (række \(row)) ikke kan læses (\(e), en ødelagt formel); \(advice)" }
        w.headerRepeated = { letter, first, field in
            "står i kolonne \(letter), hvis overskrift gentager kolonne \(first) (\(field)); kun én kolonne kan angive \(field): slet eller omdøb en af dem"
        }
        w.headerRepeatedEmpty = { first, field in "gentager overskriften i kolonne \(first) (\(field)) og er tom; ignoreret" }

        w.cprWithoutKey = "er et CPR-nummer, og databasens pseudonymnøgle findes ikke på denne computer; "
            + "importér nøglen med `placement key import FIL` (eller angiv den med --key-file), og importér igen"
        w.requiredEmpty = "er tom; kolonnen er påkrævet"
        w.appearsAgain = { "optræder igen; første gang i \($0)" }
        w.below = { other, v in "er mindre end \(other) (\(v))" }
        w.notAfter = { other, v in "er ikke efter \(other) (\(v))" }
        w.after = { other, v in "er efter \(other) (\(v))" }
        w.afterImportDate = { "er efter importdatoen \($0)" }
        w.aboveDailyRate = { "er højere end døgntaksten (\($0)); kontrollér tallet" }
        w.needsPostcodeOrCoordinates = "er tom; et postnummer eller bredde- og længdegrad er påkrævet"
        w.liesInMunicipality = { actual, given in "ligger i kommune \(actual), ikke \(given)" }
        w.homeMunicipalityNeeded = "er tom; påkrævet, når flere kommuner planlægger sammen"
        w.waitingNeedsReferral = "er tom; en ventende borger skal have en visitationsdato"
        w.placedNeedsResidence = "er tom; en placeret borger skal have tilbuddet"
        w.placedNeedsMoveIn = "er tom; en placeret borger skal have indflytningsdatoen"
        w.neededByBeforeReferral = "er før visitationsdatoen"
        w.aSupportLevel = "et støtteniveau (1-5)"
        w.anAge = "en alder (0-130)"
        w.aNumberOfPlaces = "et antal pladser (0 eller flere)"
        w.aBirthYear = "et fødselsår"
        w.aDistance = "en afstand i km (1-1000)"
        w.aLatitude = "breddegrad"
        w.aLongitude = "længdegrad"
        w.expected = danishExpected
        w.spreadsheet = { SpreadsheetError.danish($0) ?? $0 }

        w.sheetLine = { o in
            let read = "\(f.integer(o.rowsRead)) \(o.rowsRead == 1 ? "række" : "rækker") læst"
            let skipped = o.skipped > 0 ? ", \(f.integer(o.skipped)) sprunget over" : ""
            // Changed and unchanged rows are counted in one wording, stored or tried.
            let rest = "\(f.integer(o.updated)) \(o.updated == 1 ? "ændret" : "ændrede"), "
                + "\(f.integer(o.unchanged)) \(o.unchanged == 1 ? "uændret" : "uændrede")"
            switch o.state {
            case .committed:
                return "\(read)\(skipped), \(f.integer(o.inserted)) \(o.inserted == 1 ? "ny" : "nye"), \(rest)"
            case .dryRun:
                return "\(read)\(skipped), \(f.integer(o.inserted)) ville blive tilføjet, \(rest)"
            case .failed:
                return "\(read)\(skipped), \(f.integer(o.withErrors)) med fejl: intet importeret"
            }
        }
        w.notices = { "\(f.integer($0)) \($0 == 1 ? "bemærkning" : "bemærkninger"):" }
        w.warnings = { "\(f.integer($0)) \($0 == 1 ? "advarsel" : "advarsler"):" }
        w.errors = { "\(f.integer($0)) fejl:" }
        w.moreErrors = { "… og \(f.integer($0)) fejl mere, som ikke er vist" }
        w.closedMissing = { n, ids in "Lukkede \(f.integer(n)) ventende borger(e), som mangler i udtrækket: \(ids)" }
        w.keptMissing = { n, ids in
            "\(f.integer(n)) ventende borger(e) mangler i dette udtræk og er bevaret: \(ids). Kør igen med --close-missing for at lukke dem."
        }
        w.nothingImported = "Intet blev importeret: databasen er uændret. Ret fejlene ovenfor, og importér igen."
        w.dryRunValid = "Prøvekørsel: filerne er gyldige; intet blev skrevet."
        w.fileRows = { name, rows, changed in
            "\(name): \(f.integer(rows)) \(rows == 1 ? "række" : "rækker"), \(f.integer(changed)) \(changed == 1 ? "ændret" : "ændrede")"
        }
        w.changeCount = { kind, n in
            let c = f.integer(n)
            switch kind {
            case .newWaiting: return "\(c) ny\(n == 1 ? "" : "e") på ventelisten"
            case .placed: return "\(c) placeret"
            case .moved: return "\(c) flyttet"
            case .waitingAgain: return "\(c) venter igen"
            case .left: return "\(c) fraflyttet eller ikke længere ventende"
            case .updated: return "\(c) \(n == 1 ? "borger" : "borgere") med ændret bevilling eller ønsker"
            case .movedIn: return "\(c) indflytning\(n == 1 ? "" : "er") bekræftet"
            case .withdrawn: return "\(c) planlagt\(n == 1 ? "" : "e") indflytning\(n == 1 ? "" : "er") trukket tilbage"
            case .reassessed: return "\(c) revurderet"
            case .residenceNew: return "\(c) \(n == 1 ? "nyt botilbud" : "nye botilbud")"
            case .residenceUpdated: return "\(c) \(n == 1 ? "botilbud" : "botilbud") ændret"
            }
        }
        w.changesNotCounted = { "\(f.integer($0)) ændringer mere, som ikke blev gemt enkeltvis" }
        w.conflictCount = { "\(f.integer($0)) \($0 == 1 ? "konflikt" : "konflikter") med beslutninger" }
        w.noChanges = "ingen ændringer"
        w.changesNotRecorded = "Ændringerne enkeltvis blev ikke gemt (importeret før databasens version 7); se revisionsloggen."
        w.noImports = "Der er endnu ikke importeret noget."
        w.importsColumns = ["Nr.", "Tidspunkt (UTC)", "Bruger", "Udtræk pr.", "Filer (SHA-256)"]
        w.noSuchImport = { n, last in
            "Der er ingen import nr. \(n)" + (last.map { "; importerne har nr. 1-\($0) (se `placement imports`)." } ?? "; der er endnu ikke importeret noget.")
        }
        w.importHeading = { n, at, user, day in
            "Import nr. \(n), \(at) UTC, af \(user)" + (day.map { ", udtræk pr. \($0)" } ?? "")
        }
        w.unknownUser = "ukendt"
        w.imported = { rows, s, rate in "Importerede \(f.integer(rows)) rækker på \(s) s (\(f.integer(rate)) rækker/s)." }
        return w
    }()

    /// CellParsing's phrases in Danish. CellParsing words what a value should have been once,
    /// in English; the whole phrases are translated here, and those built around a description
    /// (`is not \(what)`, where the importer gives `what` in Danish) by their fixed start. A
    /// phrase not in the table stays as it is rather than being guessed at.
    private static func danishExpected(_ phrase: String) -> String {
        let whole: [String: String] = [
            "is not an amount in kroner (e.g. 1.850,00)": "er ikke et beløb i kroner (f.eks. 1.850,00)",
            "is too large to be an amount in kroner": "er for stort til at være et beløb i kroner",
            "has more than two decimals (øre)": "har mere end to decimaler (øre)",
            "is negative; an amount must be 0 or more": "er negativt; et beløb skal være 0 eller mere",
            "is not a plausible daily amount": "er ikke et sandsynligt døgnbeløb",
            "is not a date (dd-mm-yyyy or yyyy-mm-dd)": "er ikke en dato (dd-mm-åååå eller åååå-mm-dd)",
            "is not yes/no (ja/nej)": "er ikke ja/nej",
            "is not an offer type (e.g. § 108, SEL108, ABL § 105)": "er ikke en tilbudstype (f.eks. § 108, SEL108, ABL § 105)",
            "is empty; at least one target group is needed": "er tom; mindst én målgruppe er påkrævet",
            "is not an operator (egen, kommunal, regional, privat)": "er ikke en driftsherre (egen, kommunal, regional, privat)",
            "is not a place status (ledig, optaget, reserveret, lukket)": "er ikke en pladsstatus (ledig, optaget, reserveret, lukket)",
            "is not a status (venter, placeret)": "er ikke en status (venter, placeret)",
            "is not an urgency (normal, høj, akut)": "er ikke en hastegrad (normal, høj, akut)",
            "is not a Danish municipality code or name": "er ikke en dansk kommunekode eller et kommunenavn",
            "is not a postcode (4 digits)": "er ikke et postnummer (4 cifre)",
            "is not a known Danish postcode": "er ikke et kendt dansk postnummer",
        ]
        if let d = whole[phrase] { return d }
        let starts: [(String, String)] = [
            ("is not a whole number (", "er ikke et helt tal ("),
            ("is not a breddegrad in Denmark", "er ikke en breddegrad i Danmark"),
            ("is not a længdegrad in Denmark", "er ikke en længdegrad i Danmark"),
            ("is not ", "er ikke "),
        ]
        for (en, da) in starts where phrase.hasPrefix(en) { return da + phrase.dropFirst(en.count) }
        // `has "X", not a target group (...)` / `not a feature (...)`
        if phrase.hasPrefix("has \""), let r = phrase.range(of: "\", not a ") {
            let term = phrase[phrase.index(phrase.startIndex, offsetBy: 5)..<r.lowerBound]
            let rest = phrase[r.upperBound...]
            for (en, da) in [("target group", "en målgruppe"), ("feature", "en facilitet")] where rest.hasPrefix(en) {
                let detail = rest.dropFirst(en.count).replacingOccurrences(of: "(e.g. ", with: "(f.eks. ")
                return "har \"\(term)\", som ikke er \(da)\(detail)"
            }
        }
        return phrase
    }
}
