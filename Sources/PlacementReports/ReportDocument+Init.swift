import PlacementModel

// Public initialisers, so that other engines (the equity audit) build documents that every
// renderer of this module prints, instead of writing renderers of their own.

extension ReportDocument {
    public init(language: Language, title: String, heading: String, subtitle: [String], isPublic: Bool,
                sections: [ReportSection], definitions: [String], definitionsTitle: String) {
        self.init(language: language, title: title, heading: heading, subtitle: subtitle, isPublic: isPublic,
                  sections: sections, definitions: definitions, definitionsTitle: definitionsTitle, normNames: [])
    }
}

extension ReportSection {
    public init(key: String, title: String, intro: [String], tables: [ReportTable]) {
        self.init(key: key, title: title, intro: intro, tables: tables, charts: [])
    }
}

extension ReportTable {
    public init(key: String, title: String, columns: [ReportColumn], rows: [[ReportValue]],
                isCitizenLevel: Bool = false, emptyText: String, highlightedRows: Set<Int> = []) {
        self.init(key: key, title: title, columns: columns, rows: rows, total: nil,
                  isCitizenLevel: isCitizenLevel, emptyText: emptyText, highlightedRows: highlightedRows)
    }
}
