import Foundation

/// A file in the temporary directory, one per process and name, rewritten for every input: the
/// readers open files (as `placement` does), so the fuzzers hand them one.
public enum ScratchFile {
    public static func write(_ data: UnsafeRawBufferPointer, name: String) -> URL {
        let url = directory.appendingPathComponent(name)
        // A failed write is the machine's problem, not the reader's: skip the input then.
        FileManager.default.createFile(atPath: url.path, contents: Data(data))
        return url
    }

    public static func write(_ data: Data, name: String) -> URL {
        let url = directory.appendingPathComponent(name)
        FileManager.default.createFile(atPath: url.path, contents: data)
        return url
    }

    static let directory: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("placement-fuzz-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()
}
