import PlacementModel

/// All figures of the report as JSON, for scripts and tests. Amounts are exact integer øre
/// (`*_ore`); medians may end in .5; keys are snake_case and always in the same order, so
/// the same week gives the same bytes. With `isPublic`, counts below 5 (and days, medians
/// and amounts describing fewer than 5 citizens) are the string "<5" and lists of single
/// citizens are left out, as in the other formats.
public enum JSONReport {
    public static func render(_ figures: WeeklyFigures, isPublic: Bool = false) -> String {
        JSONBuilder(figures: figures, isPublic: isPublic).document().text(indent: 0) + "\n"
    }
}

struct JSONBuilder {
    let figures: WeeklyFigures
    let isPublic: Bool

    // Public masking is `PublicMasking`'s rule, asked value by value: the JSON is built from
    // the figures, not from the document the other formats mask.
    func shown(_ json: JSON, as value: ReportValue) -> JSON {
        isPublic && PublicMasking.withholds(value) ? .string(PublicMasking.maskedText) : json
    }
    func count(_ n: Int) -> JSON { shown(.int(Int64(n)), as: .count(n)) }
    func money(_ m: Money, basis: Int? = nil) -> JSON { shown(.int(m.ore), as: .money(m, basis: basis)) }
    func median(_ m: Median?, basis: Int) -> JSON {
        guard let m else { return .null }
        return shown(.number(Exact.decimalText(m.tenths, scale: 1)), as: .median(m, basis: basis))
    }
    func days(_ d: Int?, basis: Int) -> JSON { d.map { shown(.int(Int64($0)), as: .days($0, basis: basis)) } ?? .null }
    func percent(_ n: Int, _ d: Int) -> JSON {
        guard d > 0 else { return .null }
        return shown(.number(Exact.decimalText(Rounding.divide(Int64(n) * 1000, by: Int64(d)), scale: 1)), as: .ratio(Int64(n), Int64(d)))
    }
    func day(_ d: Day?) -> JSON { d.map { .string($0.iso) } ?? .null }
    func string(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    /// A list of single citizens: left out of public reports (as `PublicMasking` leaves out citizen-level tables).
    func citizens(_ rows: [JSON]) -> [(String, JSON)] { isPublic ? [] : [("citizens", .array(rows))] }

    func document() -> JSON {
        let f = figures
        return .object([
            ("report", .string("weekly")),
            ("week", .string(f.week.description)),
            ("monday", day(f.monday)),
            ("sunday", day(f.sunday)),
            ("public", .bool(isPublic)),
            ("planning_area", .array(f.planningArea.map { .object([("code", .int(Int64($0.code))), ("name", .string($0.name))]) })),
            ("wait_norm_days", .array(f.waitNormDays.map { .int(Int64($0)) })),
            ("latest_match_run", f.latestRun.map { .object([("id", .int($0.id)), ("as_of", day($0.asOf))]) } ?? .null),
            ("headline", headline(f.headline)),
            ("first_produced", firstProduced()),
            ("previous_headline", headline(f.previousHeadline)),
            ("waiting_list", waitingList()),
            ("own_residences", residences()),
            ("external", external()),
            ("bring_home", bringHome()),
            ("bridging", bridging()),
            ("stale_vacancies", staleVacancies()),
            ("norms", norms()),
            ("declines", declines()),
            ("changes", changes()),
            ("trend", .array(f.trend.map(trend))),
        ])
    }

    func headline(_ h: Headline) -> JSON {
        .object([
            ("week", .string(h.week.description)),
            ("waiting", count(h.waiting)),
            ("median_wait_days", median(h.medianWaitDays, basis: h.waiting)),
            ("longest_wait_days", days(h.longestWaitDays, basis: h.waiting)),
            ("referrals", count(h.referrals)),
            ("placements_made", count(h.placementsMade)),
            ("placements_own", count(h.placementsOwn)),
            ("placements_external", count(h.placementsExternal)),
            ("moves_home", count(h.movesHome)),
            ("placed", count(h.placed)),
            ("placed_own", count(h.placedOwn)),
            ("placed_external", count(h.placedExternal)),
            ("placed_locally_percent", percent(h.placedOwn, h.placed)),
            ("external_annual_cost_ore", money(h.externalAnnualCost, basis: h.placedExternal)),
            ("own_places", count(h.ownPlaces)),
            ("places_occupied", count(h.placesOccupied)),
            ("places_vacant", count(h.placesVacant)),
            ("places_reserved", count(h.placesReserved)),
            ("places_closed", count(h.placesClosed)),
            ("occupancy_percent", percent(h.placesOccupied, h.ownPlaces)),
            ("vacancy_days", .int(Int64(h.vacancyDays))),
            ("vacancy_cost_ore", money(h.vacancyCost)),
        ])
    }

    func waitingList() -> JSON {
        .object([("count", count(figures.waitingList.count))] + citizens(figures.waitingList.map { w in
            .object([
                ("citizen", .string(w.citizenId)),
                ("offer_type", .string(w.offerType.rawValue)),
                ("target_groups", .array(w.targetGroups.members.map { .string($0.rawValue) })),
                ("support_level", .int(Int64(w.supportLevel))),
                ("urgency", .string(w.urgency.rawValue)),
                ("referred", day(w.since)),
                ("days_waiting", .int(Int64(w.daysWaiting))),
                ("needed_by", day(w.neededBy)),
                ("days_over_deadline", w.daysOverDeadline.map { .int(Int64($0)) } ?? .null),
                ("norms_exceeded_days", .array(w.normsExceeded.map { .int(Int64($0)) })),
                ("proposal", figures.proposals[w.citizenId].map { p in
                    .object([
                        ("action", .string(p.action.rawValue)),
                        ("residence", string(p.residenceId)),
                        ("residence_name", string(p.residenceName)),
                        ("place", string(p.placeId)),
                        ("move_in", day(p.moveIn)),
                        ("annual_cost_gross_ore", p.annualCostGross.map { .int($0.ore) } ?? .null),
                        ("status", .string(p.status.rawValue)),
                    ])
                } ?? .null),
            ])
        }))
    }

    func residences() -> JSON {
        .array(figures.residences.map { r in
            .object([
                ("residence", .string(r.id)),
                ("name", .string(r.name)),
                ("offer_type", .string(r.offerType.rawValue)),
                ("places", count(r.places)),
                ("occupied", count(r.occupied)),
                ("vacant", count(r.vacant)),
                ("reserved", count(r.reserved)),
                ("closed", count(r.closed)),
                ("occupancy_percent", percent(r.occupied, r.places)),
                ("vacancy_days", .int(Int64(r.vacancyDays))),
                ("daily_rate_ore", .int(r.dailyRate.ore)),
                ("vacancy_cost_ore", .int(r.vacancyCost.ore)),
            ])
        })
    }

    func external() -> JSON {
        let e = figures.external
        func group<K>(_ groups: [ExternalGroup<K>], _ key: (K) -> [(String, JSON)]) -> JSON {
            .array(groups.map { g in
                .object(key(g.key) + [("count", count(g.count)), ("annual_cost_ore", money(g.annualCost, basis: g.count))])
            })
        }
        let expensiveCost = e.expensive.map(\.annualCost).sum()
        return .object([
            ("by_offer_type", group(e.byOfferType) { [("offer_type", .string($0.rawValue))] }),
            ("by_operator", group(e.byOperator) { [("operator", .string($0.rawValue))] }),
            ("by_municipality", group(e.byMunicipality) { [("code", .int(Int64($0.code))), ("name", .string($0.name))] }),
            ("expensive", .object([
                ("threshold_ore", .int(WeeklyFigures.expensiveThreshold.ore)),
                ("count", count(e.expensive.count)),
                ("annual_cost_ore", money(expensiveCost, basis: e.expensive.count)),
            ] + citizens(e.expensive.map { s in
                .object([
                    ("citizen", .string(s.citizenId)),
                    ("residence", .string(s.residenceId)),
                    ("residence_name", .string(s.residenceName)),
                    ("operator", .string(s.operatorKind.rawValue)),
                    ("municipality_code", .int(Int64(s.municipality.code))),
                    ("offer_type", .string(s.offerType.rawValue)),
                    ("since", day(s.since)),
                    ("daily_rate_ore", .int(s.dailyRate.ore)),
                    ("annual_cost_ore", .int(s.annualCost.ore)),
                ])
            }))),
        ])
    }

    func bringHome() -> JSON {
        let cs = figures.bringHome, withProposal = cs.filter { $0.annualSaving != nil }
        return .object([
            ("candidates", count(cs.count)),
            ("with_proposal", count(withProposal.count)),
            ("possible_saving_ore", money(withProposal.compactMap(\.annualSaving).sum(), basis: withProposal.count)),
        ] + citizens(cs.map { c in
            .object([
                ("citizen", .string(c.citizenId)),
                ("residence", .string(c.residenceId)),
                ("offer_type", .string(c.offerType.rawValue)),
                ("annual_cost_ore", .int(c.annualCost.ore)),
                ("proposed_residence", string(c.proposedResidenceId)),
                ("annual_saving_ore", c.annualSaving.map { .int($0.ore) } ?? .null),
            ])
        }))
    }

    /// When the week's report was first produced and the figures that differ since (first, current).
    func firstProduced() -> JSON {
        guard let first = figures.firstProduced else { return .null }
        func value(_ p: PublishedFigure?) -> JSON {
            guard let p, let v = p.value else { return .null }
            let json: JSON = p.kind == .median ? .number(Exact.decimalText(Int64(v) * 5, scale: 1)) : .int(v)
            return p.kind == .ratio ? .object([("numerator", .int(v)), ("denominator", .int(p.denominator ?? 0))])
                : shown(json, as: p.reportValue)
        }
        return .object([
            ("produced_at", .string(first.producedAt)),
            ("changed", .array(first.changed(from: figures.published).map { f, c in
                .object([("figure", .string(c.key)), ("first", value(f)), ("current", value(c))])
            })),
        ])
    }

    func norms() -> JSON {
        .array(figures.norms.map { n in
            .object([
                ("offer_type", .string(n.offerType.rawValue)),
                ("waiting", count(n.waiting)),
                ("over", .array(zip(figures.waitNormDays, n.over).map { norm, c in
                    .object([("norm_days", .int(Int64(norm))), ("count", count(c))])
                })),
                ("past_deadline", count(n.pastDeadline)),
                ("longest_wait_days", days(n.longestWaitDays, basis: n.waiting)),
            ])
        })
    }

    func declines() -> JSON {
        let ds = figures.declines
        return .object(DeclineReason.allCases.map { r in (r.rawValue, count(ds.filter { $0.reason == r }.count)) }
            + [("total", count(ds.count))]
            + citizens(ds.map { d in
                .object([("day", day(d.day)), ("citizen", .string(d.citizenId)), ("residence", string(d.residenceId)),
                         ("reason", .string(d.reason.rawValue)), ("note", string(d.note))])
            }))
    }

    func changes() -> JSON {
        let cs = figures.changes
        return .object(Change.Kind.allCases.map { k in (k.rawValue, count(cs.filter { $0.kind == k }.count)) }
            + [("moved_home", count(cs.filter(\.isMoveHome).count))]
            + citizens(cs.map { c in
                .object([("day", day(c.day)), ("kind", .string(c.kind.rawValue)), ("citizen", .string(c.citizenId)),
                         ("offer_type", .string(c.offerType.rawValue)), ("from", string(c.fromResidence)),
                         ("to", string(c.toResidence)), ("moved_home", .bool(c.isMoveHome))])
            }))
    }

    func trend(_ t: TrendPoint) -> JSON {
        .object([
            ("week", .string(t.week.description)),
            ("sunday", day(t.week.sunday)),
            ("waiting", count(t.waiting)),
            ("median_wait_days", median(t.medianWaitDays, basis: t.waiting)),
            ("own_places", count(t.ownPlaces)),
            ("places_occupied", count(t.placesOccupied)),
            ("occupancy_percent", percent(t.placesOccupied, t.ownPlaces)),
            ("external_count", count(t.externalCount)),
            ("external_annual_cost_ore", money(t.externalAnnualCost, basis: t.externalCount)),
        ])
    }
}
