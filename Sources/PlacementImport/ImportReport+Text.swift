import PlacementModel

extension ImportReport {
    /// The report as the import command prints it, in `language`: a line per sheet saying
    /// what happened to its rows (never "inserted" for rows that a failed or trial import did
    /// not store), the notices, warnings and errors, and one closing line.
    /// `changes`: what the import changed, in the planner's words, printed after the sheets.
    public func text(_ language: Language, seconds: Double, changes: [String] = []) -> String {
        let w = ImportWords.of(language)
        var lines: [String] = []
        let state: ImportWords.SheetOutcome.State = hasErrors ? .failed : (dryRun ? .dryRun : .committed)
        for s in sheets {
            let name = s.sheet.map { "\(s.file) [\($0)]" } ?? s.file
            let outcome = ImportWords.SheetOutcome(state: state, rowsRead: s.rowsRead, inserted: s.inserted, updated: s.updated,
                                                   unchanged: s.unchanged, withErrors: s.withErrors, skipped: s.skipped)
            lines.append("\(name) (\(w.kindName(s.kind))\(s.dialect.map { "; " + w.dialect($0) } ?? "")): \(w.sheetLine(outcome))")
        }
        lines += changes
        for (severity, heading) in [(ImportIssue.Severity.notice, w.notices), (.warning, w.warnings)] {
            let listed = issues.filter { $0.severity == severity }
            guard !listed.isEmpty else { continue }
            lines.append(heading(listed.count))
            lines += listed.map { "  \($0.text(language))" }
        }
        let errors = issues.filter { $0.severity == .error }
        if !errors.isEmpty {
            lines.append(w.errors(errorCount))
            lines += errors.map { "  \($0.text(language))" }
            if errorsNotListed > 0 { lines.append("  " + w.moreErrors(errorsNotListed)) }
        }
        if !missingWaiting.isEmpty {
            let ids = missingWaiting.prefix(20).joined(separator: ", ") + (missingWaiting.count > 20 ? ", …" : "")
            lines.append(closedMissing ? w.closedMissing(missingWaiting.count, ids) : w.keptMissing(missingWaiting.count, ids))
        }
        if hasErrors {
            lines.append(w.nothingImported)
        } else if dryRun {
            lines.append(w.dryRunValid)
        } else {
            let rows = sheets.reduce(0) { $0 + $1.rowsRead }
            let rate = seconds > 0 ? Int(Double(rows) / seconds) : rows
            let hundredths = Int64((max(0, seconds) * 100).rounded())
            lines.append(w.imported(rows, DisplayFormat(language).decimal(hundredths, scale: 2, decimals: 2), rate))
        }
        return lines.joined(separator: "\n")
    }
}
