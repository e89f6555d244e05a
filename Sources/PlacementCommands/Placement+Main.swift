import ArgumentParser
import Foundation
import PlacementModel
import PlacementStore

extension Placement {
    /// Runs the command as ArgumentParser's `main()` does, with one rule more: whatever a
    /// message quotes back from the command line (a value ArgumentParser refuses, an id no run
    /// has), a CPR number in it is masked whole (`CPR.maskText`), so no message echoes one.
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // A message in Danish is not introduced by ArgumentParser's English "Error:".
            let danish = (error as? UserError).map { $0.language == .da } ?? false
            let message = CPR.maskText(danish ? "Fejl: \(error)" : fullMessage(for: error))
            if !message.isEmpty {
                if code == .success {
                    print(message)
                } else {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
            }
            terminate(code.rawValue)
        }
    }
}

/// The process's exit (a free function: inside `Placement`, `exit` names ArgumentParser's).
private func terminate(_ code: Int32) -> Never { exit(code) }
