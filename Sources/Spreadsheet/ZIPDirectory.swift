import CZlib
import Foundation
import ZIPFoundation

/// Where each part's bytes lie in a ZIP file, read from its central directory and checked
/// against each local header. ZIPFoundation's own extraction reads the file on until the
/// deflate stream says it has ended, so a stream that never ends (a fuzzer found one) made it
/// read at the end of the file for ever; reading only the declared compressed bytes of a part,
/// and refusing a part whose stream runs past them, bounds the work by the sizes declared.
struct ZIPDirectory {
    struct Part {
        let path: String
        /// Stored (0) or deflated (8); ZIP allows others that no spreadsheet writer uses.
        let method: UInt16
        let flags: UInt16
        let checksum: UInt32
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        let localHeaderOffset: UInt64
    }

    /// Why a ZIP's directory is refused, for the message.
    struct Damage: Error {
        let reason: String
    }

    /// Parts by lowercased path.
    let parts: [String: Part]
    /// Where the central directory starts: every part's data lies before it.
    let directoryOffset: UInt64

    init(_ file: FileHandle, fileBytes: UInt64) throws {
        let tailLength = min(fileBytes, 22 + 0xFFFF)
        let tail = try Self.bytes(file, at: fileBytes - tailLength, count: Int(tailLength))
        // The end-of-central-directory record: the last one whose signature fits.
        guard let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: { tail.u32($0) == 0x0605_4B50 }) else {
            throw Damage(reason: "it has no ZIP directory")
        }
        var count = UInt64(tail.u16(end + 10))
        var size = UInt64(tail.u32(end + 12))
        var offset = UInt64(tail.u32(end + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64: a locator just before the record points at the 64-bit record.
            let endInFile = fileBytes - tailLength + UInt64(end)
            guard endInFile >= 20 else { throw Damage(reason: "its ZIP64 directory is missing") }
            let locator = try Self.bytes(file, at: endInFile - 20, count: 20)
            guard locator.u32(0) == 0x0706_4B50 else { throw Damage(reason: "its ZIP64 directory is missing") }
            let recordAt = locator.u64(8)
            guard recordAt <= fileBytes, fileBytes - recordAt >= 56 else { throw Damage(reason: "its ZIP64 directory is missing") }
            let record = try Self.bytes(file, at: recordAt, count: 56)
            guard record.u32(0) == 0x0606_4B50 else { throw Damage(reason: "its ZIP64 directory is missing") }
            count = record.u64(32)
            size = record.u64(40)
            offset = record.u64(48)
        }
        guard offset <= fileBytes, size <= fileBytes - offset else {
            throw Damage(reason: "its ZIP directory lies beyond the end of the file")
        }
        // A directory entry takes at least 46 bytes: a count beyond that is a lie.
        guard count <= size / 46 else { throw Damage(reason: "its ZIP directory lists more parts than it has room for") }
        let directory = try Self.bytes(file, at: offset, count: Int(size))
        var parts: [String: Part] = [:]
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, directory.u32(at) == 0x0201_4B50 else {
                throw Damage(reason: "its ZIP directory is damaged")
            }
            let nameLength = Int(directory.u16(at + 28)), extraLength = Int(directory.u16(at + 30))
            let commentLength = Int(directory.u16(at + 32))
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= directory.count else { throw Damage(reason: "its ZIP directory is damaged") }
            let nameBytes = directory[(at + 46)..<(at + 46 + nameLength)]
            var compressed = UInt64(directory.u32(at + 20)), uncompressed = UInt64(directory.u32(at + 24))
            var local = UInt64(directory.u32(at + 42))
            // ZIP64 sizes and offset, in this order, for each field that is all ones.
            var extra = at + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let id = directory.u16(extra), length = Int(directory.u16(extra + 2))
                var field = extra + 4
                let fieldEnd = min(field + length, extraEnd)
                if id == 0x0001 {
                    func wide(_ value: inout UInt64) {
                        guard value == 0xFFFF_FFFF, field + 8 <= fieldEnd else { return }
                        value = directory.u64(field)
                        field += 8
                    }
                    wide(&uncompressed)
                    wide(&compressed)
                    wide(&local)
                }
                extra += 4 + length
            }
            let flags = directory.u16(at + 8)
            // Bit 11: the name is UTF-8; otherwise code page 437, of which ASCII is the same.
            let path = String(decoding: nameBytes, as: UTF8.self)
            if !path.hasSuffix("/") {
                parts[path.lowercased()] = Part(path: path, method: directory.u16(at + 10), flags: flags,
                                                checksum: directory.u32(at + 16), compressedSize: compressed,
                                                uncompressedSize: uncompressed, localHeaderOffset: local)
            }
            at = next
        }
        self.parts = parts
        directoryOffset = offset
    }

    /// Where `part`'s data starts, after its local header has been checked against the
    /// central directory: the same name and method, and data that ends before the directory.
    func dataOffset(of part: Part, in file: FileHandle) throws -> UInt64 {
        guard part.localHeaderOffset <= directoryOffset, directoryOffset - part.localHeaderOffset >= 30 else {
            throw Damage(reason: "its local header lies outside the file")
        }
        let header = try Self.bytes(file, at: part.localHeaderOffset, count: 30)
        guard header.u32(0) == 0x0403_4B50 else { throw Damage(reason: "its local header is missing") }
        guard header.u16(8) == part.method else {
            throw Damage(reason: "its local header and the ZIP directory disagree on how it is compressed")
        }
        let nameLength = UInt64(header.u16(26)), extraLength = UInt64(header.u16(28))
        let start = part.localHeaderOffset + 30 + nameLength + extraLength
        guard start <= directoryOffset, part.compressedSize <= directoryOffset - start else {
            throw Damage(reason: "its data runs past the end of the file")
        }
        let name = try Self.bytes(file, at: part.localHeaderOffset + 30, count: Int(nameLength))
        guard name.elementsEqual(part.path.utf8) else {
            throw Damage(reason: "its local header names another part")
        }
        return start
    }

    /// Unpacks `part` into `consumer`, reading only its declared compressed bytes, and checks
    /// the declared size and checksum.
    func unpack(_ part: Part, from file: FileHandle, chunk: Int = 1 << 16, _ consumer: (Data) throws -> Void) throws {
        guard part.flags & 1 == 0 else { throw Damage(reason: "it is encrypted") }
        let start = try dataOffset(of: part, in: file)
        var unpacked: UInt64 = 0
        func counted(_ data: Data) throws {
            unpacked += UInt64(data.count)
            // Bounds the work by the size declared, whatever the stream goes on to say.
            guard unpacked <= part.uncompressedSize else {
                throw Damage(reason: "it unpacks to more than the \(part.uncompressedSize) bytes its ZIP directory declares")
            }
            try consumer(data)
        }
        let checksum: UInt32
        switch part.method {
        case 0:
            var crc: UInt32 = 0, position: UInt64 = 0
            while position < part.compressedSize {
                let data = try Self.bytes(file, at: start + position, count: Int(min(UInt64(chunk), part.compressedSize - position)))
                crc = data.crc32(checksum: crc)
                position += UInt64(data.count)
                try counted(data)
            }
            checksum = crc
        case 8:
            checksum = try Self.inflate(part, from: file, at: start, chunk: chunk, counted)
        default:
            throw Damage(reason: "it is compressed with ZIP method \(part.method), which spreadsheets do not use")
        }
        guard unpacked == part.uncompressedSize else {
            throw Damage(reason: "it unpacks to \(unpacked) bytes, not the \(part.uncompressedSize) its ZIP directory declares")
        }
        guard checksum == part.checksum else { throw Damage(reason: "its checksum does not match its contents") }
    }

    /// Raw deflate data (zlib with negative window bits) fed only the part's declared compressed
    /// bytes, each chunk with its own length; the checksum of what it unpacks to. ZIPFoundation's
    /// `Data.decompress` tells zlib every chunk is a whole buffer long, so on a stream that had
    /// not ended by a short last chunk zlib read past the chunk's memory (a fuzzer found it).
    private static func inflate(_ part: Part, from file: FileHandle, at start: UInt64, chunk: Int,
                                _ consumer: (Data) throws -> Void) throws -> UInt32 {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Damage(reason: "its compressed data cannot be unpacked")
        }
        defer { inflateEnd(&stream) }
        var crc: UInt32 = 0
        var position: UInt64 = 0
        var output = [UInt8](repeating: 0, count: chunk)
        var ended = false
        while !ended {
            guard position < part.compressedSize else { throw Damage(reason: "its compressed data ends before the part does") }
            var input = try bytes(file, at: start + position, count: Int(min(UInt64(chunk), part.compressedSize - position)))
            position += UInt64(input.count)
            try input.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
                stream.next_in = raw.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(raw.count)
                repeat {
                    let result = output.withUnsafeMutableBufferPointer { out -> Int32 in
                        stream.next_out = out.baseAddress
                        stream.avail_out = uInt(out.count)
                        return CZlib.inflate(&stream, Z_NO_FLUSH)
                    }
                    guard result == Z_OK || result == Z_STREAM_END || result == Z_BUF_ERROR else {
                        throw Damage(reason: "its compressed data is not valid")
                    }
                    let produced = chunk - Int(stream.avail_out)
                    if produced > 0 {
                        let data = Data(output[0..<produced])
                        crc = data.crc32(checksum: crc)
                        try consumer(data)
                    }
                    if result == Z_STREAM_END { ended = true }
                    // Z_BUF_ERROR: no progress without more input.
                    if ended || result == Z_BUF_ERROR { break }
                } while stream.avail_in > 0 || stream.avail_out == 0
                // zlib keeps no pointer into `input` past this chunk.
                stream.next_in = nil
                stream.avail_in = 0
            }
        }
        return crc
    }

    /// Exactly `count` bytes at `offset`, or damage (the file is shorter than its directory says).
    static func bytes(_ file: FileHandle, at offset: UInt64, count: Int) throws -> Data {
        guard count > 0 else { return Data() }
        do {
            try file.seek(toOffset: offset)
            let data = try file.read(upToCount: count) ?? Data()
            guard data.count == count else { throw Damage(reason: "the file ends before its ZIP directory says it does") }
            return data
        } catch let e as Damage {
            throw e
        } catch {
            throw Damage(reason: "the file cannot be read")
        }
    }
}

private extension Data {
    func u16(_ at: Int) -> UInt16 {
        let i = startIndex + at
        return UInt16(self[i]) | UInt16(self[i + 1]) << 8
    }

    func u32(_ at: Int) -> UInt32 {
        UInt32(u16(at)) | UInt32(u16(at + 2)) << 16
    }

    func u64(_ at: Int) -> UInt64 {
        UInt64(u32(at)) | UInt64(u32(at + 4)) << 32
    }
}
