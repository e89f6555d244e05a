import Foundation
import PlacementReports

/// The equity audit as JSON: the period, the method and every finding with its interval. The
/// public version leaves out the groups with fewer than 5 citizens compared on either side.
public enum EquityJSON {
    public static func render(_ audit: EquityAudit, isPublic: Bool) -> String {
        var shown = audit
        if isPublic { shown.findings = audit.findings.filter(EquityDocument.isLargeEnough) }
        return JSONOutput.text(shown) + "\n"
    }
}
