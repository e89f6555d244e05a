import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Something that fills a buffer with the next bytes of a file; 0 means the end.
protocol ChunkSource: AnyObject {
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int
}

/// A file read in chunks with POSIX `read(2)`: no `Data` per chunk, memory independent
/// of the file size.
final class FileInput: ChunkSource {
    private let fd: Int32
    let fileName: String

    init(url: URL, fileName: String) throws {
        self.fileName = fileName
        let fd = url.withUnsafeFileSystemRepresentation { path -> Int32 in
            guard let path else { return -1 }
            return open(path, O_RDONLY)
        }
        guard fd >= 0 else {
            let reason = errno == ENOENT ? "the file does not exist" : "the file cannot be opened (\(String(cString: strerror(errno))))"
            throw SpreadsheetError(.unreadable, file: fileName, reason)
        }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw SpreadsheetError(.unreadable, file: fileName, "this is a folder, not a file")
        }
        self.fd = fd
    }

    deinit { close(fd) }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        while true {
            let n = posixRead(fd, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw SpreadsheetError(.unreadable, file: fileName,
                                   "reading the file failed (\(String(cString: strerror(errno))))")
        }
    }

    /// Reads up to `count` bytes from the start of the file (fewer at its end).
    func readHead(_ count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var filled = 0
        try out.withUnsafeMutableBufferPointer { p in
            guard let base = p.baseAddress else { return }  // count 0: nothing to read
            while filled < count {
                let n = try read(into: base + filled, count: count - filled)
                if n == 0 { break }
                filled += n
            }
        }
        out.removeLast(count - filled)
        return out
    }

    func skip(_ bytes: Int) {
        lseek(fd, off_t(bytes), SEEK_CUR)
    }
}

/// `read(2)` (a free function, so the `read` method above does not shadow it).
@inline(__always)
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// UTF-16 file bytes in, UTF-8 bytes out, chunk by chunk.
final class UTF16Input: ChunkSource {
    private let input: FileInput
    private var converter: UTF16ToUTF8
    private var raw = [UInt8](repeating: 0, count: 1 << 18)
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var finished = false

    init(_ input: FileInput, bigEndian: Bool) {
        self.input = input
        converter = UTF16ToUTF8(bigEndian: bigEndian)
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        while pendingOffset >= pending.count {
            if finished { return 0 }
            pending.removeAll(keepingCapacity: true)
            pendingOffset = 0
            let n = try raw.withUnsafeMutableBufferPointer { b in try b.baseAddress.map { try input.read(into: $0, count: b.count) } ?? 0 }
            if n == 0 {
                finished = true
                converter.finish(into: &pending)
            } else {
                raw.withUnsafeBufferPointer { converter.convert(UnsafeBufferPointer(rebasing: $0[0..<n]), into: &pending) }
            }
        }
        let k = min(count, pending.count - pendingOffset)
        pending.withUnsafeBufferPointer { p in if let base = p.baseAddress { buffer.update(from: base + pendingOffset, count: k) } }
        pendingOffset += k
        return k
    }
}
