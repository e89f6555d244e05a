import Foundation
import PlacementMatching
import PlacementModel
import PlacementReports

/// The terminal table of a run.
enum MatchText {
    static func render(_ r: MatchResult, runId: Int64, residences: [String: Residence], language: Language, seconds: Double) -> String {
        let f = DisplayFormat(language)
        let da = language == .da
        // The action's words are the report's labels, as on the web app's pages.
        let labels = Labels.of(language)
        let header = da ? ["Borger", "Handling", "Tilbud", "Plads", "Kr. om året", "Km", "Hvorfor"]
                        : ["Citizen", "Action", "Residence", "Place", "Kr. a year", "Km", "Why"]
        var rows: [[String]] = []
        for p in r.proposals {
            let name = p.residenceId.flatMap { residences[$0]?.name } ?? "–"
            let reason = p.action == .buyExternal ? (p.reasons.dropFirst(2).first { !$0.isHeading } ?? p.reasons.first)
                                                  : p.reasons.first
            let why = reason?.text(language) ?? ""
            rows.append([p.citizenId, labels.name(p.action), truncate(name, 28), p.placeId ?? "–",
                         p.annualCostNet.map { f.kronerNumber($0) } ?? "–", p.distanceKm.map(String.init) ?? "–", truncate(why, 90)])
        }
        var out = [da ? "Matchkørsel \(runId), \(f.date(r.asOf))" : "Match run \(runId), \(f.date(r.asOf))", ""]
        out += table(header, rows, rightAligned: [4, 5])
        let t = r.totals
        out.append("")
        out.append(da
            ? "\(t.waiting) ventende: \(t.placedOwn) i egne pladser, \(t.boughtExternal) køb eksternt (\(f.kroner(t.externalAnnualCostNet)) om året netto), \(t.noFit) uden tilbud; \(t.bringHome) hjemtagelser sparer \(f.kroner(t.bringHomeAnnualSaving)) om året."
            : "\(t.waiting) waiting: \(t.placedOwn) in own places, \(t.boughtExternal) bought externally (\(f.kroner(t.externalAnnualCostNet)) a year net), \(t.noFit) with no fit; \(t.bringHome) moves home save \(f.kroner(t.bringHomeAnnualSaving)) a year.")
        let values = r.placeValues.filter { $0.annualValue.ore > 0 }.sorted { ($1.annualValue, $0.residenceId) < ($0.annualValue, $1.residenceId) }
        if !values.isEmpty {
            out.append("")
            out.append(da ? "Værdien af én plads mere (besparelse om året i denne kørsel):" : "Value of one more place (saving a year in this run):")
            out += table([da ? "Tilbud" : "Residence", da ? "Kr. om året" : "Kr. a year"],
                         values.prefix(10).map { [residences[$0.residenceId]?.name ?? $0.residenceId, f.kronerNumber($0.annualValue)] }, rightAligned: [1])
        }
        // The solver's stages by their stored keys, named in the reader's language.
        let stageNames = ["priority": "prioritet", "cost": "udgift", "bring_home": "hjemtagelse"]
        let nodes = r.stages.map { "\(da ? stageNames[$0.stage] ?? $0.stage : $0.stage) \($0.nodes)/\($0.arcs)" }.joined(separator: ", ")
        out.append("")
        // Seconds with the reader's decimal sign (0,123 s in Danish).
        let time = f.decimal(Int64((seconds * 1000).rounded()), scale: 3, decimals: 3)
        out.append(da ? "Løser: knuder/buer \(nodes); \(time) s i alt. Forklaring: placement explain BORGER --run \(runId)"
                      : "Solver: nodes/arcs \(nodes); \(time) s in all. Details: placement explain CITIZEN --run \(runId)")
        return out.joined(separator: "\n")
    }

    static func truncate(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

    /// The shared terminal table, with a rule under the header.
    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        PlainTable.render(header: header, numeric: header.indices.map(rightAligned.contains), rows: rows, style: .init(rule: "─"))
    }
}
