import PlacementModel

/// The municipality's citizens in the external catalogue: about 30 % of its placed citizens
/// (the share Danish municipalities buy), mostly in its own region, a few of them costly
/// cases above 2 mio. kr. a year. Each external residence takes no more of the planning
/// area's citizens than its places (`load` counts them across municipalities).
extension MunicipalityBuilder {
    static let externalShare = 0.30
    /// Daily rate above which a stay costs more than 2 mio. kr. a year (5.479,45 kr.), with room.
    static let costlyRate = Money(kroner: 5_600)

    mutating func buildExternalStays(load: inout [Int]) throws {
        let target = Int((Double(occupiedOwn) * Self.externalShare / (1 - Self.externalShare)).rounded())
        let costly = min(target, max(1, Int((4 * size).rounded())))
        for k in 0..<target {
            guard let e = chooseExternal(specialised: k < costly, load: load) else { continue }
            load[e] += 1
            try placeExternal(e, costly: k < costly)
        }
    }

    /// A residence with room left: in the home region three times in four, else anywhere.
    private mutating func chooseExternal(specialised: Bool, load: [Int]) -> Int? {
        let ext = catalogue.external
        let regional = catalogue.externalInRegion[regionCode] ?? []
        for _ in 0..<30 {
            let i: Int
            if specialised && !catalogue.externalSpecialised.isEmpty {
                i = rng.pick(catalogue.externalSpecialised)
            } else if !regional.isEmpty && rng.chance(0.75) {
                i = rng.pick(regional)
            } else {
                i = rng.below(ext.count)
            }
            if load[i] < ext[i].residence.places { return i }
        }
        // Nearly full: the first with room from a random start.
        let start = rng.below(ext.count)
        for k in 0..<ext.count {
            let i = (start + k) % ext.count
            if load[i] < ext[i].residence.places { return i }
        }
        return nil
    }

    private mutating func placeExternal(_ e: Int, costly: Bool) throws {
        let r = catalogue.external[e].residence
        let n = needs(fitting: r, placeFeatures: r.features, highLevel: costly)
        let placedOn = asOf.adding(days: -max(1, min(maxStayDays(r), Int(rng.exponential(mean: StayPattern.meanStay(r.offerType))))))
        let leavesOn = rng.chance(StayPattern.plannedMoveOut(r.offerType)) ? asOf.adding(days: rng.int(7...56)) : nil
        var c = citizen(n, offer: r.offerType, birthYear: birthYear(for: r, years: placedOn.year...(leavesOn ?? asOf).year),
                        status: .placed)
        c.referredOn = referral(before: placedOn, offer: r.offerType)
        if costly && r.dailyRate < Self.costlyRate {
            c.agreedDailyRate = max(agreedRate(above: r.dailyRate), Self.costlyRate + Money(kroner: Int64(rng.int(0...1_500))))
        } else if rng.chance(0.07) {
            c.agreedDailyRate = agreedRate(above: r.dailyRate)
        }
        // Would accept a move to a fitting own place (bring home).
        c.openToMove = rng.chance(0.25)
        if c.openToMove && rng.chance(0.3) {
            c.preferredResidences = fittingOwn(offer: r.offerType, groups: n.groups, level: n.level, features: n.features, count: 1)
        }
        // A few moved here from another external residence within the window.
        var moved: PastStay? = nil
        if placedOn > horizon && rng.chance(0.06), let b = c.birthYear {
            let end = placedOn.adding(days: -rng.int(0...10))
            let start = end.adding(days: -rng.int(90...1_500))
            if let o = fittingExternal(offer: r.offerType, groups: n.groups, level: n.level, features: n.features,
                                       birthYear: b, years: start.year...end.year, excluding: e) {
                let previous = catalogue.external[o].residence
                moved = PastStay(citizenId: c.id, residenceId: previous.id, placeId: nil, placedOn: start, leftOn: end,
                                 dailyRate: historicRate(previous.dailyRate, from: start, to: end),
                                 referredOn: referral(before: start, offer: r.offerType))
            }
        }
        try out.write(c, stay: CurrentStay(residenceId: r.id, placeId: nil, placedOn: placedOn, leavesOn: leavesOn),
                      external: true, residenceRate: r.dailyRate)
        if let moved { try out.write(moved) }

        // The municipality's earlier citizens in the same residence: the place it buys there
        // turned over like an own place would.
        var later = placedOn
        while true {
            let end = later.adding(days: -rng.int(StayPattern.gap(r.offerType)))
            if end <= horizon { break }
            let start = end.adding(days: -stayDays(r))
            let pn = needs(fitting: r, placeFeatures: r.features)
            let p = citizen(pn, offer: r.offerType, birthYear: birthYear(for: r, years: start.year...end.year), status: .left)
            try out.write(p, stay: nil)
            try out.write(PastStay(citizenId: p.id, residenceId: r.id, placeId: nil, placedOn: start, leftOn: end,
                                   dailyRate: historicRate(r.dailyRate, from: start, to: end),
                                   referredOn: rng.chance(0.85) ? referral(before: start, offer: r.offerType) : nil))
            later = start
        }
    }
}
