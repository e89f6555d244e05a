import Foundation

/// The equity audit as JSON: the period, the method and every finding with its interval. The
/// public version leaves out the groups with fewer than 5 citizens compared on either side.
public enum EquityJSON {
    public static func render(_ audit: EquityAudit, isPublic: Bool) -> String {
        var shown = audit
        if isPublic { shown.findings = audit.findings.filter(EquityDocument.isLargeEnough) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Every field is a number, a string or a Bool: encoding cannot fail.
        let data = (try? encoder.encode(shown)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
