import Foundation
import PlacementModel
import PlacementReports

/// The equity audit as JSON: the period, the method and every finding with its interval. The
/// public version leaves out the groups with fewer than 5 citizens compared on either side.
public enum EquityJSON {
    /// What is written: the audit's own fields, but with ISO dates (`2025-11-24`), as every
    /// other JSON of the tool writes them, and the case counts in the outcomes' own order, so
    /// that the same audit is the same bytes in every run (a dictionary's order is not).
    struct Document: Encodable {
        var from: String, to: String
        var seed: UInt64, resamples: Int, level: Double
        var caseCounts: CaseCounts
        var findings: [EquityAudit.Finding]
    }

    /// Cases per outcome, as an object keyed by the outcome's name (`"wait_days": 289`) in the
    /// order `EquityOutcome` declares them; outcomes without cases are left out.
    struct CaseCounts: Encodable {
        var counts: [(EquityOutcome, Int)]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            for (outcome, cases) in counts { try c.encode(cases, forKey: Key(stringValue: outcome.rawValue)) }
        }
    }

    public static func render(_ audit: EquityAudit, isPublic: Bool) -> String {
        let findings = isPublic ? audit.findings.filter(EquityDocument.isLargeEnough) : audit.findings
        let counts = EquityOutcome.allCases.compactMap { o in audit.caseCounts[o].map { (o, $0) } }
        let doc = Document(from: audit.from.iso, to: audit.to.iso, seed: audit.seed, resamples: audit.resamples,
                           level: audit.level, caseCounts: CaseCounts(counts: counts), findings: findings)
        return JSONOutput.text(doc) + "\n"
    }
}
