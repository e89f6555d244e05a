import Foundation
import PlacementModel

/// Writes synthetic but realistic worlds as the four canonical CSV files the importer reads:
/// residences.csv, places.csv, citizens.csv and placements.csv. No real person's data and no
/// names of persons: citizens are case numbers (`B0000123`) with needs drawn to fit where
/// they live.
///
/// How a world is made, so that the import invariants hold by construction:
/// 1. The catalogue (`ResidenceCatalogue`): each planning municipality's own residences,
///    drawn from `Archetype.own` in proportion to its size, one of them under construction
///    and one opened within the last two years; then the external catalogue shared by the
///    area (other municipalities outside the area, regions, private operators), concentrated
///    in the area's region(s).
/// 2. Per municipality (`MunicipalityBuilder`), each own place's timeline backwards from
///    today (`OwnPlaceChains`): about 95 % occupied, the occupant's stay drawn around the
///    offer type's mean (`StayPattern`), then earlier occupants separated by empty spells
///    back to the history window's start. Past occupants become `left` citizens; some
///    current occupants came home from an external residence (a past stay there).
/// 3. External stays (`ExternalStays`): 30 % of the placed citizens, never more than a
///    residence's places, a few costly cases above 2 mio. kr. a year, each with the
///    municipality's earlier citizens in the same residence as history.
/// 4. The waiting list (`WaitingList`), partly fitting today's vacancies and the residence
///    being built, mostly not.
///
/// The same spec gives byte-identical files: all randomness comes from `XoshiroRandom`
/// streams derived from the seed, output follows arrays (never dictionary order), floating
/// point uses only correctly rounded operations, and no clock is read.
public enum WorldGenerator {
    /// Writes the world of `spec` into `directory` (created if missing), streaming rows to
    /// disk, and returns its key figures.
    /// - Complexity: O(rows) time; memory O(residences + places of the largest municipality).
    public static func write(_ spec: WorldSpec, to directory: URL) throws -> WorldSummary {
        try spec.validate()
        let area = spec.planningArea
        let geography = Geography.shared
        let sizes = WorldScale.sizes(area: area, spec: spec)
        let catalogue = ResidenceCatalogue(area: area, sizes: sizes, asOf: spec.asOf, seed: spec.seed, geography: geography)
        let out = try WorldOutput(directory: directory)
        do {
            for residences in catalogue.own {
                for g in residences { try out.write(g) }
            }
            for g in catalogue.external { try out.write(g) }
            var load = [Int](repeating: 0, count: catalogue.external.count)
            for (i, code) in area.enumerated() {
                var builder = MunicipalityBuilder(code: code, size: sizes[i], spec: spec, residences: catalogue.own[i],
                                                  catalogue: catalogue, geography: geography, out: out)
                try builder.run(externalLoad: &load)
            }
        } catch {
            try? out.close()
            throw error
        }
        try out.close()
        return out.summary
    }
}

/// The sizes of the planning area's municipalities (`MunicipalitySize`), scaled to a wanted
/// number of citizens: with `citizens: N` every municipality's size is multiplied by one
/// factor, so residences, places, the external catalogue and citizens all grow together and
/// citizens.csv has about N rows (within a few per cent from some ten thousand up; tiny
/// worlds overshoot because every municipality keeps at least one residence).
enum WorldScale {
    /// Rows of citizens.csv per unit of size (one Horsens) with no history, and per year of
    /// history, measured on generated worlds (placed + waiting, and those who left).
    static let rowsPerSize = 928.0
    static let leftPerSizeAndYear = 265.0

    static func sizes(area: [Int], spec: WorldSpec) -> [Double] {
        let base = area.map(MunicipalitySize.base)
        guard let n = spec.citizens else { return base }
        let perSize = rowsPerSize + leftPerSizeAndYear * Double(spec.historyYears)
        let factor = Double(n) / (perSize * base.reduce(0, +))
        return base.map { $0 * factor }
    }
}
