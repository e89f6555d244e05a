import Foundation

/// The formats a document is written in, by every command that writes one (`report weekly`,
/// `report equity`, `simulate`, `plan`) and by the web app's downloads.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case text, html, xlsx, csv, md, json

    /// The format an output path asks for by its extension, if any.
    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": self = .html
        case "xlsx": self = .xlsx
        case "csv": self = .csv
        case "md", "markdown": self = .md
        case "json": self = .json
        case "txt": self = .text
        default: return nil
        }
    }
}
