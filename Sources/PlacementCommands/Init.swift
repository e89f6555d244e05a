import ArgumentParser
import PlacementModel
import PlacementStore

extension Placement {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a database for a planning area.",
            discussion: """
                A planning area is one municipality or several that plan together; residences run by any of \
                them are own. Municipalities are given by code or name.

                Examples:
                  placement init --municipality 615
                  placement init --municipality 615,657,766 --db midt.sqlite --lang en
                  placement init --municipality Horsens
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("Municipality codes or names, comma-separated.", valueName: "codes"))
        var municipality: String

        @Option(help: "Language of output: da or en.")
        var lang: Language = .da

        func run() throws {
            let codes = try Self.planningArea(municipality, language: lang)
            let db = try PlacementDatabase.create(path: database.path, planningArea: codes, language: lang,
                                                  keys: database.keys, user: database.userName)
            let names = codes.compactMap { ReferenceData.municipalityByCode[$0]?.name }
            let version = try db.schemaVersion()
            print(lang == .da
                ? "Oprettede \(database.path) for \(names.joined(separator: ", ")) (skemaversion \(version))."
                : "Created \(database.path) for \(names.joined(separator: ", ")) (schema version \(version)).")
            if let key = try db.read(db.keyFileURL) { print(KeyText.created(key.path, lang)) }
        }

        /// `615,657` or `Horsens, Hedensted` or `all` → municipality codes.
        /// A name or code that is no municipality is refused in `language`.
        static func planningArea(_ text: String, language: Language) throws -> [Int] {
            do {
                return try planningArea(text)
            } catch StoreError.unknownMunicipality(let name) {
                throw UserError.worded("\"\(name)\" er hverken en dansk kommunekode eller et kommunenavn.",
                                       StoreError.unknownMunicipality(name).description, in: language)
            }
        }

        static func planningArea(_ text: String) throws -> [Int] {
            if text.lowercased() == "all" { return ReferenceData.municipalities.map(\.code) }
            var codes: [Int] = []
            for part in text.split(separator: ",") {
                guard let m = ReferenceData.municipality(named: String(part)) else {
                    throw StoreError.unknownMunicipality(String(part).trimmingCharacters(in: .whitespaces))
                }
                if !codes.contains(m.code) { codes.append(m.code) }
            }
            return codes
        }
    }
}

import Foundation
