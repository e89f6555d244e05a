import Foundation

/// The ZIP side of an XLSX workbook: finding parts, reading them, turning ZIP trouble
/// into `SpreadsheetError`s. The parts are located by `ZIPDirectory` and inflated by
/// ZIPFoundation's `Data.decompress`, reading only each part's declared bytes.
final class XLSXPackage {
    let fileName: String
    private let file: FileHandle
    private let directory: ZIPDirectory

    /// No part of a workbook may unpack to more than this: a worksheet of a million rows of
    /// planning data is far smaller, a ZIP bomb (a few KB that inflate to gigabytes) is not.
    static let maxPartBytes: UInt64 = 512 << 20
    /// `maxPartBytes`, lowered by tests.
    let partLimit: UInt64

    init(url: URL, fileName: String, partLimit: UInt64 = XLSXPackage.maxPartBytes) throws {
        self.fileName = fileName
        self.partLimit = partLimit
        let damagedArchive = SpreadsheetError(
            .malformed, file: fileName,
            "the file starts like an .xlsx workbook (a ZIP archive) but is damaged or incomplete, "
                + "perhaps cut off while copying or downloading. Save or export it again.")
        guard let file = try? FileHandle(forReadingFrom: url), let size = try? file.seekToEnd() else { throw damagedArchive }
        self.file = file
        do {
            directory = try ZIPDirectory(file, fileBytes: size)
        } catch {
            try? file.close()
            throw damagedArchive
        }
    }

    deinit { try? file.close() }

    func entry(_ path: String) -> ZIPDirectory.Part? {
        directory.parts[path.lowercased()]
    }

    var paths: [String] { Array(directory.parts.keys) }

    /// The whole part as `Data`, or nil when the archive has no such part.
    func read(_ path: String) throws -> Data? {
        guard let entry = entry(path) else { return nil }
        guard entry.uncompressedSize <= partLimit else { throw tooLarge(path) }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        try unpack(entry, path) { chunk in
            data.append(chunk)
        }
        return data
    }

    /// Extracts a part to a file (for streaming large worksheets).
    func extract(_ path: String, to url: URL) throws {
        guard let entry = entry(path) else { throw missing(path) }
        guard entry.uncompressedSize <= partLimit else { throw tooLarge(path) }
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw SpreadsheetError(.unreadable, file: fileName, "the workbook part \(path) cannot be unpacked to a temporary file")
        }
        defer { try? handle.close() }
        try unpack(entry, path) { chunk in
            handle.write(chunk)
        }
    }

    /// Unpacks a part; what is unpacked is counted against `partLimit` (the declared size was
    /// checked against it, and the unpacking stops where that declared size is passed).
    private func unpack(_ entry: ZIPDirectory.Part, _ path: String, _ consumer: (Data) throws -> Void) throws {
        var unpacked: UInt64 = 0
        do {
            try directory.unpack(entry, from: file) { chunk in
                unpacked += UInt64(chunk.count)
                guard unpacked <= partLimit else { throw tooLarge(path) }
                try consumer(chunk)
            }
        } catch let damage as ZIPDirectory.Damage {
            throw damaged(path, damage.reason)
        }
    }

    func tooLarge(_ path: String) -> SpreadsheetError {
        SpreadsheetError(.tooLarge, file: fileName,
                         "the workbook part \(path) unpacks to more than \(partLimit >> 20) MiB, the limit for one part of a "
                         + "workbook; a planning sheet is far smaller. Check that this is the right file.")
    }

    func damaged(_ path: String, _ reason: String? = nil) -> SpreadsheetError {
        SpreadsheetError(.malformed, file: fileName,
                         "the workbook is damaged: its part \(path) cannot be unpacked\(reason.map { " (\($0))" } ?? ""). "
                             + "Save or export it again.")
    }

    func missing(_ path: String) -> SpreadsheetError {
        SpreadsheetError(.malformed, file: fileName, "the workbook is damaged: its part \(path) is missing")
    }

    /// Resolves a relationship target against the folder of the part that names it
    /// (`xl/`): `worksheets/sheet1.xml` -> `xl/worksheets/sheet1.xml`, `/xl/x.xml` -> `xl/x.xml`.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }

    /// `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`.
    static func relsPath(of part: String) -> String {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? part
        return folder.isEmpty ? "_rels/\(name).rels" : "\(folder)/_rels/\(name).rels"
    }

    static func folder(of part: String) -> String {
        part.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// What a ZIP that is not an XLSX workbook is, for the message.
    func describeNonWorkbook() -> String {
        if let mime = try? read("mimetype"), let s = String(data: mime, encoding: .utf8) {
            if s.contains("opendocument.spreadsheet") {
                return "this is an OpenDocument spreadsheet (.ods), which cannot be read. Open it in LibreOffice and save it as .xlsx or .csv."
            }
            if s.contains("opendocument") {
                return "this is an OpenDocument file, not a spreadsheet. \(FileSniffer.saveAs)"
            }
        }
        if entry("word/document.xml") != nil { return "this is a Word document (.docx), not a spreadsheet. \(FileSniffer.saveAs)" }
        if entry("ppt/presentation.xml") != nil { return "this is a PowerPoint presentation, not a spreadsheet." }
        return "this is a ZIP archive but not an Excel workbook (it has no xl/workbook.xml). \(FileSniffer.saveAs)"
    }
}
