import Foundation
import PlacementModel

/// The scenario form's fields written as a scenario file (TOML, as seeds/scenario-example.toml
/// describes): a new residence, a closure and a rate change, each when its part is filled in.
/// The file is then read by `ScenarioFile.parse`, the one home of the scenario rules, so the
/// form checks nothing the file reader checks too; amounts go in as the planner wrote them.
struct ScenarioForm {
    let form: FormData

    enum Problem: Error { case noChange, badDay(field: String, value: String), noName }

    func value(_ name: String) -> String? {
        form[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x7f: out += String(format: "\\u%04X", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    func day(_ name: String, label: String) throws -> String? {
        guard let text = value(name) else { return nil }
        guard let d = Day(written: text) else { throw Problem.badDay(field: label, value: text) }
        return d.iso
    }

    /// The file's text; `labels` names the date fields in the page's language for a message.
    func toml(labels: [String: String]) throws -> (name: String, text: String) {
        guard let name = value("name") else { throw Problem.noName }
        var lines = ["# Written with the web app's scenario form.", "name = \(Self.quoted(name))"]
        if let d = value("description") { lines.append("description = \(Self.quoted(d))") }
        var parts = 0
        if let residence = value("new_name") {
            parts += 1
            lines += ["", "[[new_residence]]", "name = \(Self.quoted(residence))"]
            if let o = value("new_offer_type") { lines.append("offer_type = \(Self.quoted(o))") }
            let groups = form.all("new_target_groups").map(Self.quoted)
            lines.append("target_groups = [\(groups.joined(separator: ", "))]")
            for key in ["support_level_min", "support_level_max", "places"] {
                if let v = value("new_\(key)") { lines.append("\(key) = \(Self.quoted(v))") }
            }
            if let v = value("new_daily_rate") { lines.append("daily_rate = \(Self.quoted(v))") }
            if let v = value("new_investment") { lines.append("investment = \(Self.quoted(v))") }
            if let d = try day("new_opens_on", label: labels["new_opens_on"] ?? "opens_on") { lines.append("opens_on = \(d)") }
        }
        if let residence = value("closure_residence") {
            parts += 1
            lines += ["", "[[closure]]", "residence_id = \(Self.quoted(residence))"]
            if let d = try day("closure_on", label: labels["closure_on"] ?? "closes_on") { lines.append("closes_on = \(d)") }
        }
        if let residence = value("rate_residence") {
            parts += 1
            lines += ["", "[[rate_change]]", "residence_id = \(Self.quoted(residence))"]
            if let d = try day("rate_from", label: labels["rate_from"] ?? "from") { lines.append("from = \(d)") }
            if let v = value("rate_percent") { lines.append("change_percent = \(Self.quoted(v))") }
            if let v = value("rate_daily") { lines.append("daily_rate = \(Self.quoted(v))") }
        }
        guard parts > 0 else { throw Problem.noChange }
        return (name, lines.joined(separator: "\n") + "\n")
    }
}
