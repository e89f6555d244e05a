import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file in the temporary directory, one per process and name, rewritten for every input: the
/// readers open files (as `placement` does), so the fuzzers hand them one.
public enum ScratchFile {
    /// Written with open/write/close, not `FileManager.createFile`: that one writes atomically
    /// with an fsync, a sixth of each CSV input's time. A failed write is the machine's
    /// problem, not the reader's: the reader then sees a shorter file.
    public static func write(_ data: UnsafeRawBufferPointer, name: String) -> URL {
        let url = directory.appendingPathComponent(name)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return url }
        defer { close(fd) }
        var done = 0
        while done < data.count, let base = data.baseAddress {
            let n = systemWrite(fd, base + done, data.count - done)
            if n <= 0 { break }
            done += n
        }
        return url
    }

    public static func write(_ data: Data, name: String) -> URL {
        data.withUnsafeBytes { write($0, name: name) }
    }

    static let directory: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("placement-fuzz-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()
}

/// `write(2)` (a free function, so `ScratchFile.write` does not shadow it).
@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
