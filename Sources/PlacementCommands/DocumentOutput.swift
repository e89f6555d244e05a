import ArgumentParser
import Foundation
import PlacementReports

extension DocumentFormat: ExpressibleByArgument {}

/// --format and --out of the commands that write a `ReportDocument` (`report weekly`,
/// `report equity`, `simulate`), worded once.
struct DocumentOptions: ParsableArguments {
    @Option(help: ArgumentHelp("html, xlsx, csv, md, json or text (default: from --out's extension, else text).", valueName: "format"))
    var format: DocumentFormat?

    @Option(help: ArgumentHelp("The file to write (a directory for csv of all tables). Default: the terminal.", valueName: "path"))
    var out: String?
}

/// How `report weekly`, `report equity`, `simulate` and `plan` write what they made, in one
/// place: the format named by --format, else by --out's extension, else text; the file --out
/// names (written whole or not at all) or the terminal; XLSX only to a file; CSV one table to
/// a file or the terminal, every table into a directory.
struct DocumentOutput {
    let format: DocumentFormat
    let out: String?
    /// With csv: only this table or section.
    let section: String?

    init(format: DocumentFormat?, out: String?, section: String? = nil) {
        self.format = format ?? out.flatMap(DocumentFormat.init(path:)) ?? .text
        self.out = out
        self.section = section
    }

    /// The cross-option checks of a command's `validate()`; `offered` are the formats it writes.
    func validate(explicit: DocumentFormat?, offered: [DocumentFormat] = DocumentFormat.allCases) throws {
        // In the order of the commands' help: html, xlsx, csv, md, json or text.
        let shown: [DocumentFormat] = [.html, .xlsx, .csv, .md, .json, .text].filter(offered.contains)
        let names = shown.map(\.rawValue)
        let list = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        if let out, explicit == nil, DocumentFormat(path: out).map(offered.contains) != true {
            let endings = shown.filter { $0 != .text }.map { ".\($0.rawValue)" }
            throw ValidationError("Say which format to write to \(out): --format \(list), "
                                  + "or an --out ending in \(endings.dropLast().joined(separator: ", ")) or \(endings.last ?? "").")
        }
        if !offered.contains(format) { throw ValidationError("--format \(format.rawValue) is not offered here; choose \(list).") }
        if section != nil && format != .csv { throw ValidationError("--section is for --format csv.") }
        if format == .xlsx && out == nil { throw ValidationError("An XLSX workbook needs a file: add --out FILE.xlsx.") }
    }

    /// Writes in the chosen format with the command's own renderers, for output that is not a
    /// `ReportDocument` (the plan), and returns the files written. Markdown and CSV are not
    /// offered there: `validate` refuses them.
    func write(text: () -> String, html: () -> String, json: () -> String, xlsx: (URL) throws -> Void) throws -> [String] {
        switch format {
        case .text: return try emit(text())
        case .html: return try emit(html())
        case .json: return try emit(json())
        case .xlsx: return try self.xlsx(xlsx)
        case .md, .csv: throw UserError("--format \(format.rawValue) is not offered here.")
        }
    }

    /// Writes `doc` in the chosen format and returns the files written. `text` and `json` are the
    /// command's own (the weekly summary, the figures as JSON); `csvPrefix` starts each CSV file's name.
    func write(_ doc: ReportDocument, text: () -> String, json: () -> String, csvPrefix: String) throws -> [String] {
        switch format {
        case .text: return try emit(text())
        case .html: return try emit(HTMLReport.render(doc))
        case .md: return try emit(MarkdownReport.render(doc))
        case .json: return try emit(json())
        case .xlsx: return try xlsx { try XLSXReport.write(doc, to: $0) }
        case .csv: return try csv(doc, prefix: csvPrefix)
        }
    }

    /// Text to the file --out names, or to the terminal.
    func emit(_ text: String) throws -> [String] {
        guard let out else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return []
        }
        let url = URL(fileURLWithPath: out)
        try Data(text.utf8).write(to: url, options: .atomic)
        return [url.path]
    }

    /// A workbook to --out (`validate` requires it for xlsx).
    func xlsx(_ write: (URL) throws -> Void) throws -> [String] {
        guard let out else { throw UserError("An XLSX workbook needs a file: add --out FILE.xlsx.") }
        let url = URL(fileURLWithPath: out)
        try write(url)
        return [url.path]
    }

    /// One table to a `.csv` file or the terminal; every table (or a section's) into a directory.
    func csv(_ doc: ReportDocument, prefix: String) throws -> [String] {
        let tables = CSVReport.tables(doc, selecting: section)
        if tables.isEmpty {
            let keys = CSVReport.keys(doc).joined(separator: ", ")
            throw UserError(section.map { "No table or section \"\($0)\"; choose one of: \(keys)." } ?? "There is no table to write.")
        }
        if out.map({ $0.lowercased().hasSuffix(".csv") }) ?? true {
            guard tables.count == 1 else {
                throw UserError("Several tables (\(tables.map(\.key).joined(separator: ", "))): give --out DIRECTORY, or one --section.")
            }
            let bytes = CSVReport.bytes(tables[0], language: doc.language)
            guard let out else {
                FileHandle.standardOutput.write(Data(bytes))
                return []
            }
            let url = URL(fileURLWithPath: out)
            try Data(bytes).write(to: url, options: .atomic)
            return [url.path]
        }
        let dir = URL(fileURLWithPath: out ?? ".", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try CSVReport.files(doc, prefix: prefix, selecting: section).map { file in
            let url = dir.appendingPathComponent(file.name)
            try Data(file.bytes).write(to: url, options: .atomic)
            return url.path
        }
    }
}
