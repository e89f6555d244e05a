import Foundation
import GRDB
import PlacementModel
import PlacementStore

/// One figure the weekly report publishes, exactly, as it is kept when the week's report is
/// first produced (`ReportFirst`): a report produced again after later imports changed the
/// week compares its figures with these and shows the ones that differ.
public struct PublishedFigure: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case count, days, median, money, ratio }
    /// Stable: `waiting`, `median_wait`, `over_norm_91`, `past_deadline`, ...
    public var key: String
    public var kind: Kind
    /// The count, days, twice the median, øre, or a ratio's numerator; nil: no value.
    public var value: Int64?
    public var denominator: Int64?
    /// The number of citizens it describes (public reports withhold it below 5).
    public var basis: Int?

    /// The value as the report's cell.
    public var reportValue: ReportValue {
        guard let v = value else { return .empty }
        switch kind {
        case .count: return .count(Int(v))
        case .days: return .days(Int(v), basis: basis)
        case .median: return .median(Median(twice: Int(v)), basis: basis)
        case .money: return .money(Money(ore: v), basis: basis)
        case .ratio: return .ratio(v, denominator ?? 0)
        }
    }
}

/// When the week's report was first produced, and its figures then.
public struct FirstProduction: Sendable, Equatable {
    public var producedAt: String
    public var figures: [PublishedFigure]

    /// The figures that differ now: (first, current) by key, in the report's order.
    public func changed(from current: [PublishedFigure]) -> [(first: PublishedFigure?, current: PublishedFigure)] {
        current.compactMap { c in
            let f = figures.first { $0.key == c.key }
            return f.map { ($0.value, $0.denominator) == (c.value, c.denominator) } == true ? nil : (f, c)
        }
    }
}

extension WeeklyFigures {
    /// The headline figures of the week, the waits beyond each norm and past the deadline.
    public var published: [PublishedFigure] {
        let h = headline
        func count(_ key: String, _ n: Int) -> PublishedFigure { PublishedFigure(key: key, kind: .count, value: Int64(n)) }
        var out = [
            count("waiting", h.waiting),
            PublishedFigure(key: "median_wait", kind: .median, value: h.medianWaitDays.map { Int64($0.twice) }, basis: h.waiting),
            PublishedFigure(key: "longest_wait", kind: .days, value: h.longestWaitDays.map(Int64.init), basis: h.waiting),
            count("referrals", h.referrals),
            count("placements_own", h.placementsOwn),
            count("placements_external", h.placementsExternal),
            count("moves_home", h.movesHome),
            count("placed", h.placed),
            PublishedFigure(key: "local_share", kind: .ratio, value: Int64(h.placedOwn), denominator: Int64(h.placed)),
            count("external_count", h.placedExternal),
            PublishedFigure(key: "external_cost", kind: .money, value: h.externalAnnualCost.ore, basis: h.placedExternal),
            PublishedFigure(key: "occupancy", kind: .ratio, value: Int64(h.placesOccupied), denominator: Int64(h.ownPlaces)),
            count("vacant", h.placesVacant),
            PublishedFigure(key: "vacancy_days", kind: .days, value: Int64(h.vacancyDays)),
            PublishedFigure(key: "vacancy_cost", kind: .money, value: h.vacancyCost.ore),
        ]
        for (i, n) in waitNormDays.enumerated() {
            out.append(count("over_norm_\(n)", norms.reduce(0) { $0 + (i < $1.over.count ? $1.over[i] : 0) }))
        }
        out.append(count("past_deadline", norms.reduce(0) { $0 + $1.pastDeadline }))
        return out
    }
}

extension PlacementDatabase {
    /// The week's first production: kept now if this is it (in the audit log), else the one
    /// kept before. `figures.firstProduced` is then set, so the report shows what changed.
    public func recordFirstProduction(_ figures: inout WeeklyFigures, now: Date = Date()) throws {
        let week = figures.week.description
        // A report is a reader: once the week's first production is kept it only reads, so it
        // answers at once while an import writes. Only the very first production writes, without
        // waiting: if another command holds the lock then, the report is shown at once without
        // the mark, and the next production keeps it.
        let kept = try read { try ReportFirst.find($0, week: week) }
        let first: FirstReport
        if let kept {
            first = kept
        } else {
            let e = JSONEncoder()
            e.outputFormatting = [.sortedKeys]
            let data = try e.encode(figures.published)
            do {
                first = try write(command: "report", wait: 0) { try ReportFirst.recordIfFirst($0, week: week, figures: data, now: now) }
            } catch is DatabaseBusy {
                return
            }
        }
        guard let list = try? JSONDecoder().decode([PublishedFigure].self, from: first.figures) else {
            throw StoreError.invalid("report_first \(week): its figures cannot be read.")
        }
        figures.firstProduced = FirstProduction(producedAt: first.producedAt, figures: list)
    }
}
