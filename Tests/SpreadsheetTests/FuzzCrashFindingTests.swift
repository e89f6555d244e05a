import Foundation
import Testing
@testable import Spreadsheet

/// Inputs `make fuzz` found to crash a reader (a segmentation fault, a trap), kept as fixtures
/// (`fuzz-*`): each is now refused with a message naming the file, the part or sheet and row,
/// and what is wrong, and reading ends.
extension FuzzFindingTests {
    /// Every sheet of the workbook read, or the error it gave ("open: …" when it did not open).
    private func crashOutcomes(_ name: String) throws -> [String] {
        var outcomes: [String] = []
        do {
            let book = try Workbook.open(try fixture(name))
            for sheet in book.sheets {
                do { try book.readRows(sheet: sheet.index) { _ in }; outcomes.append("read") } catch { outcomes.append("\(error)") }
            }
        } catch {
            outcomes.append("open: \(error)")
        }
        return outcomes
    }

    /// A part whose deflate stream has not ended when its last, short chunk of compressed bytes
    /// is used up: ZIPFoundation's Data.decompress told zlib the chunk was a whole buffer long,
    /// and zlib read past it (a segmentation fault under the fuzzer).
    @Test(.timeLimit(.minutes(1))) func aDeflateStreamNotEndedByItsLastShortChunkIsDamage() throws {
        #expect(try crashOutcomes("fuzz-zip-inflate-short-chunk.xlsx") == [
            "open: fuzz-zip-inflate-short-chunk.xlsx: the workbook is damaged: its part xl/workbook.xml cannot be unpacked "
                + "(its compressed data ends before the part does). Save or export it again.",
        ])
    }

    /// A worksheet whose damaged XML ends a cell in a row where no cell began: the row was
    /// indexed at column -1 (a trap). Refused at that row.
    @Test(.timeLimit(.minutes(1))) func aCellEndingWhereNoneBeganIsRefused() throws {
        #expect(try crashOutcomes("fuzz-cell-ends-without-start.xlsx") == [
            "fuzz-cell-ends-without-start.xlsx, sheet \"Ark1\", row 3: a cell ends that did not begin; the sheet's XML is damaged",
        ])
    }
}
