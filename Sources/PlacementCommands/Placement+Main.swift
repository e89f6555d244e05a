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
            let message = CPR.maskText(wording(for: error, code: code))
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

extension Placement {
    /// What the planner reads for `error`. A message in Danish is introduced by "Fejl:", not
    /// by ArgumentParser's English "Error:"; a refusal of validate() that ArgumentParser wraps
    /// is its message, not the wrapper. ArgumentParser's own refusals of the command line
    /// (exit 64, no database opened yet) are in the language `Refusal` reads from the command
    /// line (`ParseRefusal`); anything else keeps ArgumentParser's text.
    static func wording(for error: any Error, code: ExitCode) -> String {
        func said(in language: Language?) -> String {
            language == .da ? "Fejl: \(message(for: error))" : fullMessage(for: error)
        }
        if let e = error as? UserError { return said(in: e.language) }
        if let e = error as? DatabaseBusy { return said(in: e.language) }
        guard code == .validationFailure else { return fullMessage(for: error) }
        if let refused = OutputLanguage.refused { return said(in: refused) }
        let full = fullMessage(for: error)
        if Refusal.language == .da, let danish = ParseRefusal.danish(message: message(for: error), full: full) { return danish }
        return full
    }
}

/// The process's exit (a free function: inside `Placement`, `exit` names ArgumentParser's).
private func terminate(_ code: Int32) -> Never { exit(code) }
