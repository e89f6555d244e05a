import CLibFuzzer
import Foundation

/// Runs libFuzzer with the program's arguments on `body`, which gets each input. SwiftPM makes
/// an executable's `main` itself, so libFuzzer's own `main` is not used; this hands over to its
/// driver instead (same flags: `-max_total_time=60 corpus/`, ...).
public enum FuzzDriver {
    public static func run(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        // libFuzzer ends with exit(): the scratch files go with the process (not after a crash,
        // whose input libFuzzer has saved anyway).
        atexit { try? FileManager.default.removeItem(at: ScratchFile.directory) }
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, body))
    }
}
