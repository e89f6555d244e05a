/// How urgent a waiting citizen's need is; decides priority before waiting time.
public enum Urgency: String, DomainTerm, Codable, Comparable {
    case normal, high, acute

    /// Higher comes first.
    public var rank: Int {
        switch self {
        case .normal: 0
        case .high: 1
        case .acute: 2
        }
    }

    public static func < (a: Urgency, b: Urgency) -> Bool { a.rank < b.rank }

    public var danishName: String {
        switch self {
        case .normal: "normal"
        case .high: "høj"
        case .acute: "akut"
        }
    }

    public var englishName: String { rawValue }
}

/// Who runs a residence. `own` means the planning area itself; everything else is bought.
public enum OperatorKind: String, DomainTerm, Codable {
    case own, municipal, regional, `private`

    public var isOwn: Bool { self == .own }

    public var danishName: String {
        switch self {
        case .own: "egen"
        case .municipal: "kommunal"
        case .regional: "regional"
        case .private: "privat"
        }
    }

    public var englishName: String { rawValue }
}

/// The declared state of a place. Whether a place is occupied on a given day follows from
/// the placements; `reserved` and `closed` are held back from matching.
public enum PlaceStatus: String, DomainTerm, Codable {
    case vacant, occupied, reserved, closed

    public var danishName: String {
        switch self {
        case .vacant: "ledig"
        case .occupied: "optaget"
        case .reserved: "reserveret"
        case .closed: "lukket"
        }
    }

    public var englishName: String { rawValue }
}

/// Where a citizen stands today. History (when they waited, where they lived) is kept in
/// waiting periods and placements; this is the current summary.
public enum CitizenStatus: String, DomainTerm, Codable {
    case waiting, placed
    /// No longer served: moved away, died, or the need ended. Kept for history.
    case left

    public var danishName: String {
        switch self {
        case .waiting: "venter"
        case .placed: "placeret"
        case .left: "afsluttet"
        }
    }

    public var englishName: String { rawValue }
}

extension PlaceStatus {
    /// A place's state on a day from its mark and whether a stay covers the day: occupied when
    /// one does, whatever the mark; else reserved or closed as marked; else vacant (a place
    /// marked occupied with no stay that day is free). The web app's residences page counts by
    /// this; `placement status` and the weekly report count the same in SQL (`Status.summary`),
    /// and a test holds the page's totals to status's.
    public static func onDay(marked: PlaceStatus, covered: Bool) -> PlaceStatus {
        if covered { return .occupied }
        return marked == .reserved || marked == .closed ? marked : .vacant
    }
}
