/// The planners' words for the domain's terms, read the same way by every sheet of the import,
/// the demand sheet and the scenario files (IMPORT.md, "Accepted words"): each term by its code,
/// English or Danish name, and the words case systems and planners use for it. A word is
/// compared without case, spaces, `_`, `-` and `.` (`Erhvervet hjerneskade` = `erhvervethjerneskade`).
///
/// To accept a new word for a term, add it to the term's alias list here: every file kind
/// then reads it.
public enum TermReading {
    /// The comparison form of a word: lower case, without spaces, `_`, `-`, `.`, tabs and
    /// no-break spaces.
    public static func key(_ text: String) -> String {
        // Plain ASCII words (the common case) are folded byte by byte.
        if text.utf8.allSatisfy({ $0 < 128 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for b in text.utf8 where b != 32 && b != 95 && b != 45 && b != 46 && b != 9 {
                bytes.append(b >= 65 && b <= 90 ? b + 32 : b)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(text.lowercased().filter { !" _-.\u{A0}\t".contains($0) })
    }

    /// The normalised names of a domain's terms (code, English, Danish and aliases), built once.
    public struct Table<T: DomainTerm>: Sendable {
        let byKey: [String: T]
        /// The names exactly as written (codes, English, Danish), so the usual cell is found
        /// without normalising it first.
        public let byName: [String: T]

        /// `aliases`: further words by their comparison form (`key`).
        public init(aliases: [String: T] = [:]) {
            var table: [String: T] = [:], names: [String: T] = [:]
            for t in T.allCases {
                for name in [t.rawValue, t.englishName, t.danishName] {
                    table[key(name)] = table[key(name)] ?? t
                    names[name] = names[name] ?? t
                }
            }
            for (k, v) in aliases { table[k] = v }
            byKey = table
            byName = names.filter { table[key($0.key)] == $0.value }
        }

        public func callAsFunction(_ text: String) -> T? { byName[text] ?? byKey[key(text)] }
    }

    // MARK: The words

    public static let offerTypes = Table<OfferType>()

    public static let targetGroups = Table<TargetGroup>(aliases: [
        "udviklingshæmmede": .intellectualDisability, "udviklingshæmmet": .intellectualDisability,
        "psykiskudviklingshæmmede": .intellectualDisability, "psykiskudviklingshæmning": .intellectualDisability,
        "kognitivhandicap": .intellectualDisability, "kognitivfunktionsnedsættelse": .intellectualDisability,
        "id": .intellectualDisability,
        "autismespektrumforstyrrelse": .autism, "asf": .autism, "autist": .autism, "autisme": .autism,
        "sindslidende": .mentalIllness, "psykisksygdom": .mentalIllness, "psykiatri": .mentalIllness,
        "psykisklidelse": .mentalIllness, "psykosociale": .mentalIllness, "psykosocialevanskeligheder": .mentalIllness,
        "psykiskevanskeligheder": .mentalIllness,
        "hjerneskade": .acquiredBrainInjury, "abi": .acquiredBrainInjury, "erhvervethjerneskade": .acquiredBrainInjury,
        "senhjerneskade": .acquiredBrainInjury, "hjerneskadede": .acquiredBrainInjury,
        "fysiskfunktionsnedsættelse": .physicalDisability, "fysiskhandicappede": .physicalDisability,
        "handicap": .physicalDisability,
        "rusmiddel": .substanceAbuse, "rusmidler": .substanceAbuse, "stofmisbrug": .substanceAbuse,
        "alkoholmisbrug": .substanceAbuse, "rusmiddelproblemer": .substanceAbuse,
        "hjemløse": .homelessness, "hjemløs": .homelessness,
        "dobbeltdiagnoser": .dualDiagnosis,
    ])

    public static let features = Table<Feature>(aliases: [
        "kørestol": .wheelchair, "kørestolsbruger": .wheelchair, "handicapvenlig": .wheelchair,
        "skærmning": .shielded, "skærmede": .shielded, "parbolig": .couples, "dyr": .pets, "kæledyr": .pets,
    ])

    public static let operators = Table<OperatorKind>(aliases: [
        "eget": .own, "egne": .own, "ownmunicipality": .own, "kommune": .municipal,
        "region": .regional, "privattilbud": .private, "selvejende": .private,
    ])

    public static let placeStatuses = Table<PlaceStatus>(aliases: [
        "fri": .vacant, "tom": .vacant, "belagt": .occupied, "ibrug": .occupied,
    ])

    /// Statuses as case systems export them: a granted citizen without a place waits
    /// ("bevilget", "visiteret", "afventer plads"); one in a stay is placed ("i tilbud",
    /// "indflyttet", "igangværende"); one whose case ended has left.
    public static let citizenStatuses = Table<CitizenStatus>(aliases: [
        "venteliste": .waiting, "ventende": .waiting, "afventer": .waiting, "afventerplads": .waiting,
        "bevilget": .waiting, "visiteret": .waiting,
        "indskrevet": .placed, "itilbud": .placed, "indflyttet": .placed, "igangværende": .placed, "aktiv": .placed,
        "ophørt": .left, "udskrevet": .left, "fraflyttet": .left, "lukket": .left, "afgået": .left, "død": .left,
    ])

    public static let urgencies = Table<Urgency>(aliases: [
        "hoej": .high, "haster": .high, "akutt": .acute, "lav": .normal, "": .normal,
    ])

    /// Examples for a message about an unknown target group.
    public static let targetGroupHint = "e.g. autism, intellectual_disability, mental_illness; autisme, udviklingshæmning, sindslidelse"

    // MARK: Offer types and lists

    /// An offer type as planners write it: `SEL108`, `§ 108`, `108`, `ABL § 105`, or its name.
    public static func offerType(_ text: String) -> OfferType? {
        if let exact = offerTypes.byName[text] { return exact }
        let upper = text.uppercased()
        let isABL = upper.contains("ABL") || upper.contains("ALMENBOLIG")
        guard let section = Int(String(upper.filter(\.isNumber))) else { return offerTypes(text) }
        if isABL && section != 105 { return nil }
        return OfferType.allCases.first { $0.section == section }
    }

    /// The terms of a list, split on `,` `;` `|` `/`, trimmed, empty ones dropped.
    public static func list(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        // The separators are ASCII, so splitting the bytes never cuts a character in two.
        return text.utf8.split(whereSeparator: { $0 == 44 || $0 == 59 || $0 == 124 || $0 == 47 })
            .map { trimmed(String(Substring($0))) }.filter { !$0.isEmpty }
    }

    /// `text` without white space at either end.
    public static func trimmed(_ s: String) -> String {
        // Nearly every cell starts and ends with a visible ASCII character: nothing to trim.
        if let first = s.utf8.first, let last = s.utf8.last, first > 32, first < 128, last > 32, last < 128 { return s }
        var t = Substring(s)
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return String(t)
    }
}
