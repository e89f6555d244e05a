import PlacementModel

/// Bridging placements (overgangsophold) and vacancy confirmations in generated worlds, drawn
/// from `sideRng` so the rest of the world is the same as without them.
extension MunicipalityBuilder {
    /// The share of today's occupants of own § 107 places who are granted a long-term place
    /// and live in the temporary one while they wait.
    static let bridgingShare = 0.25
    /// The share of vacancies confirmed long ago (stale), and the spans drawn in days.
    static let staleConfirmationShare = 0.2
    static let freshConfirmationDays = 0...21
    static let staleConfirmationDays = 40...150

    /// Makes `c`, today's occupant of `r`, a bridging citizen with some chance: granted a
    /// § 108 or ABL § 105 place, waiting for it since the referral. Whether it did.
    mutating func bridge(_ c: inout Citizen, in r: Residence) -> Bool {
        guard r.offerType == .sel107, sideRng.chance(Self.bridgingShare) else { return false }
        c.offerType = sideRng.chance(0.6) ? .sel108 : .abl105
        return true
    }

    /// The day a vacancy was last confirmed: mostly within the last three weeks, some long ago.
    mutating func vacancyConfirmation() -> Day {
        let stale = sideRng.chance(Self.staleConfirmationShare)
        return asOf.adding(days: -sideRng.int(stale ? Self.staleConfirmationDays : Self.freshConfirmationDays))
    }
}
