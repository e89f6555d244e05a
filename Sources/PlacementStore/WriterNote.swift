import Foundation
#if canImport(Glibc)
import Glibc
private func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 { Glibc.open(path, flags, mode) }
#elseif canImport(Darwin)
import Darwin
private func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 { Darwin.open(path, flags, mode) }
#endif

/// Which command is writing to a database, kept beside it (`placement.sqlite-writer`) so that
/// a command that cannot get the write lock can say who has it.
///
/// SQLite's lock is what keeps writers apart; this note only names the holder. A writer
/// takes an exclusive `flock` on the note's file while it writes and writes its command
/// into it. The operating system drops a `flock` when its process ends, even by `kill -9`,
/// so a note whose file is not locked is stale: it is ignored, and it never blocks anyone
/// (the next writer overwrites it).
public struct WriterNote: Sendable, Equatable {
    /// The command writing, e.g. `import`.
    public let command: String
    public let processId: Int32
    /// When it began writing, as `Timestamp.utc`.
    public let since: String

    public static func path(forDatabase database: String) -> String { database + "-writer" }

    /// The writer named by the note beside `database`, or nil when none is writing (no note,
    /// or a note left by a writer that has ended).
    public static func current(database: String) -> WriterNote? {
        let fd = openFile(path(forDatabase: database), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            // Nobody holds it: whatever it says is from a writer that has ended.
            flock(fd, LOCK_UN)
            return nil
        }
        var bytes = [UInt8](repeating: 0, count: 512)
        let n = pread(fd, &bytes, bytes.count, 0)
        guard n > 0 else { return nil }
        let fields = String(decoding: bytes[0..<n], as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\t").map(String.init)
        guard fields.count == 3, let pid = Int32(fields[1]) else { return nil }
        return WriterNote(command: fields[0], processId: pid, since: fields[2])
    }

    /// A held note; `release()` (or the end of the process) frees it.
    final class Claim {
        private var fd: Int32

        fileprivate init(fd: Int32) { self.fd = fd }

        func release() {
            guard fd >= 0 else { return }
            _ = ftruncate(fd, 0)
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }

        deinit { release() }
    }

    /// Called by a writer that holds SQLite's write lock. Returns nil when the note cannot be
    /// written (a read-only directory, say): the write goes on, only unnamed.
    static func claim(database: String, command: String, now: Date = Date()) -> Claim? {
        let fd = openFile(path(forDatabase: database), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        let text = "\(command)\t\(getpid())\t\(Timestamp.utc(now))\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        return Claim(fd: fd)
    }
}
