import PlacementModel

/// The own places and their occupants. Each place's timeline is built backwards from today:
/// the current occupant (or a vacancy, reservation or closure), then earlier occupants
/// separated by empty spells, until the history window is passed. Stays on one place can
/// therefore never overlap.
extension MunicipalityBuilder {
    /// The share of own places not occupied today (vacant, reserved, closed, including a new
    /// residence not yet open): about 95 % occupancy, as the municipalities report.
    static let notOccupiedShare = 0.05

    struct PlaceSlot {
        var residence: Int
        var number: Int
        /// The place's own features when they differ from the residence's.
        var features: Features?
        var status: PlaceStatus
    }

    mutating func buildOwnPlaces() throws {
        var slots: [PlaceSlot] = []
        for (ri, g) in residences.enumerated() {
            let r = g.residence
            for n in stride(from: 1, through: r.places, by: 1) {
                var f: Features? = nil
                if let (partial, share) = g.partialFeature, !rng.chance(share) {
                    f = Features(rawValue: r.features.rawValue & ~partial.bit)
                }
                slots.append(PlaceSlot(residence: ri, number: n, features: f, status: g.isNewBuild ? .closed : .occupied))
            }
        }
        assignStatuses(&slots)
        for slot in slots { try buildTimeline(slot) }
    }

    /// Picks which open places are vacant, reserved or closed today. Vacancies fall more often
    /// in residences for lighter support, shelters and day services, so they do not simply
    /// fit whoever waits (the mismatch planners live with).
    private mutating func assignStatuses(_ slots: inout [PlaceSlot]) {
        let newBuildPlaces = slots.filter { $0.status == .closed }.count
        let open = slots.indices.filter { slots[$0].status == .occupied }
        let wanted = min(open.count, max(0, Int((Self.notOccupiedShare * Double(slots.count)).rounded()) - newBuildPlaces))
        guard wanted > 0 else { return }
        func weight(_ i: Int) -> Double {
            let r = residences[slots[i].residence].residence
            if r.offerType == .sel110 || r.offerType == .sel103 || r.offerType == .sel104 { return 1 }
            return r.supportLevels.upperBound <= 3 ? 1 : 0.4
        }
        var chosen: [Int] = []
        if wanted * 2 > open.count {
            var all = open
            rng.shuffle(&all)
            chosen = Array(all.prefix(wanted))
        } else {
            var taken = Set<Int>()
            while chosen.count < wanted {
                let i = rng.pick(open)
                if rng.chance(weight(i)) && taken.insert(i).inserted { chosen.append(i) }
            }
        }
        let reserved = Int((0.17 * Double(wanted)).rounded())
        let closed = Int((0.13 * Double(wanted)).rounded())
        for (k, i) in chosen.enumerated() {
            slots[i].status = k < reserved ? .reserved : (k < reserved + closed ? .closed : .vacant)
        }
    }

    private mutating func buildTimeline(_ slot: PlaceSlot) throws {
        let g = residences[slot.residence]
        let r = g.residence
        let placeId = String(slot.number)
        let features = slot.features ?? r.features
        ownPlaceCount += 1
        var cursor: Day? = nil
        var gapFirst = false
        var availableFrom: Day? = nil
        switch slot.status {
        case .occupied:
            var placedOn = asOf.adding(days: -max(1, min(maxStayDays(r), Int(rng.exponential(mean: StayPattern.meanStay(r.offerType))))))
            if let o = r.opensOn, placedOn < o {
                // Moved in when the residence opened, within its first two months.
                placedOn = o.adding(days: rng.int(0...max(0, min(60, o.days(until: asOf)))))
            }
            let leavesOn = rng.chance(StayPattern.plannedMoveOut(r.offerType)) ? asOf.adding(days: rng.int(7...56)) : nil
            availableFrom = leavesOn
            try placeOwnOccupant(g, placeId: placeId, features: features, placedOn: placedOn, leavesOn: leavesOn)
            occupiedOwn += 1
            cursor = placedOn
            gapFirst = true
        case .vacant:
            cursor = asOf.adding(days: -min(rng.int(1...150), rng.int(1...150)))
            vacancies.append((slot.residence, features))
        case .reserved:
            cursor = asOf.adding(days: -rng.int(1...45))
            availableFrom = asOf.adding(days: rng.int(7...42))
        case .closed:
            if g.isNewBuild {
                availableFrom = r.opensOn
            } else {
                // Closed for renovation or for lack of staff.
                cursor = asOf.adding(days: -rng.int(20...300))
                availableFrom = rng.chance(0.5) ? asOf.adding(days: rng.int(30...150)) : nil
            }
        }
        try out.writePlace(residenceId: r.id, placeId: placeId, features: slot.features, status: slot.status,
                           availableFrom: availableFrom, confirmedOn: slot.status == .vacant ? vacancyConfirmation() : nil)

        // Earlier occupants, back to the start of the history window (or the opening).
        guard var later = cursor else { return }
        var needGap = gapFirst
        while true {
            let end = needGap ? later.adding(days: -rng.int(StayPattern.gap(r.offerType))) : later
            needGap = true
            if end <= horizon { break }
            if let o = r.opensOn, end <= o { break }
            var start = end.adding(days: -stayDays(r))
            var first = false
            if let o = r.opensOn, start < o {
                start = o.adding(days: rng.int(0...30))
                first = true
                if start >= end { break }
            }
            try placeFormerOwnOccupant(g, placeId: placeId, features: features, from: start, to: end)
            later = start
            if first { break }
        }
    }

    /// Today's occupant of an own place; some came home from an external residence
    /// ("hjemtagelse") within the history window.
    private mutating func placeOwnOccupant(_ g: GeneratedResidence, placeId: String, features: Features,
                                           placedOn: Day, leavesOn: Day?) throws {
        let r = g.residence
        let n = needs(fitting: r, placeFeatures: features)
        let years = placedOn.year...(leavesOn ?? asOf).year
        var c = citizen(n, offer: r.offerType, birthYear: birthYear(for: r, years: years), status: .placed)
        c.referredOn = referral(before: placedOn, offer: r.offerType)
        if rng.chance(0.02) { c.agreedDailyRate = agreedRate(above: r.dailyRate) }
        var moved: PastStay? = nil
        if placedOn > horizon && r.offerType.hasFreeChoice && rng.chance(0.15), let b = c.birthYear {
            let end = placedOn.adding(days: -rng.int(0...14))
            let start = end.adding(days: -rng.int(180...2_000))
            if let e = fittingExternal(offer: r.offerType, groups: n.groups, level: n.level, features: n.features,
                                       birthYear: b, years: start.year...end.year) {
                let er = catalogue.external[e].residence
                c.referredOn = min(c.referredOn ?? end, end.adding(days: -rng.int(30...200)))
                moved = PastStay(citizenId: c.id, residenceId: er.id, placeId: nil, placedOn: start, leftOn: end,
                                 dailyRate: historicRate(er.dailyRate, from: start, to: end),
                                 referredOn: referral(before: start, offer: r.offerType))
            }
        }
        var bridging = false
        if leavesOn == nil && moved == nil { bridging = bridge(&c, in: r) }
        try out.write(c, stay: CurrentStay(residenceId: r.id, placeId: placeId, placedOn: placedOn, leavesOn: leavesOn),
                      bridging: bridging)
        if let moved { try out.write(moved) }
    }

    /// An occupant who moved out within the history window: no longer served (moved on to
    /// another kind of offer, moved away, died, or the need ended).
    private mutating func placeFormerOwnOccupant(_ g: GeneratedResidence, placeId: String, features: Features,
                                                 from: Day, to: Day) throws {
        let r = g.residence
        let n = needs(fitting: r, placeFeatures: features)
        var c = citizen(n, offer: r.offerType, birthYear: birthYear(for: r, years: from.year...to.year), status: .left)
        if rng.chance(0.02) { c.agreedDailyRate = agreedRate(above: r.dailyRate) }
        let rate = historicRate(c.agreedDailyRate ?? r.dailyRate, from: from, to: to)
        c.agreedDailyRate = nil
        try out.write(c, stay: nil)
        try out.write(PastStay(citizenId: c.id, residenceId: r.id, placeId: placeId, placedOn: from, leftOn: to,
                               dailyRate: rate, referredOn: rng.chance(0.85) ? referral(before: from, offer: r.offerType) : nil))
    }
}
