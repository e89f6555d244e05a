import Foundation
import ZIPFoundation

/// The ZIP side of an XLSX workbook: finding parts, reading them, turning ZIP trouble
/// into `SpreadsheetError`s.
final class XLSXPackage {
    let archive: Archive
    let fileName: String
    /// Entries by lowercased path (some writers differ in case from their own rels).
    private var entries: [String: Entry] = [:]

    /// No part of a workbook may unpack to more than this: a worksheet of a million rows of
    /// planning data is far smaller, a ZIP bomb (a few KB that inflate to gigabytes) is not.
    static let maxPartBytes: UInt64 = 512 << 20
    /// `maxPartBytes`, lowered by tests.
    let partLimit: UInt64
    /// The archive's size on disk: no part can hold more compressed bytes than the file.
    private let fileBytes: UInt64

    init(url: URL, fileName: String, partLimit: UInt64 = XLSXPackage.maxPartBytes) throws {
        self.fileName = fileName
        self.partLimit = partLimit
        fileBytes = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.uint64Value ?? UInt64.max
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw SpreadsheetError(.malformed, file: fileName,
                                   "the file starts like an .xlsx workbook (a ZIP archive) but is damaged or incomplete, "
                                   + "perhaps cut off while copying or downloading. Save or export it again.")
        }
        for entry in archive where entry.type == .file {
            entries[entry.path.lowercased()] = entry
        }
    }

    func entry(_ path: String) -> Entry? {
        entries[path.lowercased()]
    }

    var paths: [String] { Array(entries.keys) }

    /// The whole part as `Data`, or nil when the archive has no such part.
    func read(_ path: String) throws -> Data? {
        guard let entry = entry(path) else { return nil }
        guard entry.uncompressedSize <= partLimit else { throw tooLarge(path) }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        try unpack(entry, path) { chunk in
            // The size in the ZIP directory may lie; what is unpacked is counted too.
            guard UInt64(data.count + chunk.count) <= partLimit else { throw tooLarge(path) }
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
        var written: UInt64 = 0
        try unpack(entry, path) { chunk in
            written += UInt64(chunk.count)
            guard written <= partLimit else { throw tooLarge(path) }
            handle.write(chunk)
        }
    }

    /// Runs ZIPFoundation's extraction; our own errors pass through, its errors mean damage.
    private func unpack(_ entry: Entry, _ path: String, _ consumer: (Data) throws -> Void) throws {
        // A directory entry that claims more compressed bytes than the whole file holds is
        // damaged; ZIPFoundation would go on reading past the end of the file.
        guard entry.compressedSize <= fileBytes else { throw damaged(path) }
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, consumer: consumer)
        } catch let e as SpreadsheetError {
            throw e
        } catch {
            throw damaged(path)
        }
    }

    func tooLarge(_ path: String) -> SpreadsheetError {
        SpreadsheetError(.tooLarge, file: fileName,
                         "the workbook part \(path) unpacks to more than \(partLimit >> 20) MiB, the limit for one part of a "
                         + "workbook; a planning sheet is far smaller. Check that this is the right file.")
    }

    func damaged(_ path: String) -> SpreadsheetError {
        SpreadsheetError(.malformed, file: fileName,
                         "the workbook is damaged: its part \(path) cannot be unpacked. Save or export it again.")
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
