import PlacementModel

/// The bridging placements and stale vacancies in the JSON report.
extension JSONBuilder {
    func bridging() -> JSON {
        let b = figures.bridging
        return .object([
            ("citizens_on_sunday", count(b.citizens.count)),
            ("citizens_in_week", count(b.citizensInWeek)),
            ("bridging_days_in_week", days(b.daysInWeek, basis: b.citizensInWeek)),
        ] + citizens(b.citizens.map { c in
            .object([
                ("citizen_id", .string(c.citizenId)),
                ("residence", .string(c.residenceName)),
                ("bridge_offer_type", .string(c.bridgeOfferType.rawValue)),
                ("granted_offer_type", .string(c.grantedOfferType.rawValue)),
                ("bridging_since", day(c.bridgeSince)),
                ("wait_days", .int(Int64(c.waitDays))),
                ("daily_rate_ore", .int(c.dailyRate.ore)),
            ])
        }))
    }

    func staleVacancies() -> JSON {
        .object([
            ("vacancy_confirm_days", .int(Int64(figures.vacancyConfirmDays))),
            ("places", .array(figures.staleVacancies.map { v in
                .object([
                    ("residence_id", .string(v.residenceId)),
                    ("residence", .string(v.residenceName)),
                    ("place_id", .string(v.placeId)),
                    ("confirmed_on", day(v.confirmedOn)),
                    ("days_since", .int(Int64(v.daysSince))),
                ])
            })),
        ])
    }
}
