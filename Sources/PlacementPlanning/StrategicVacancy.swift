import Foundation
import PlacementMatching
import PlacementModel

/// Strategic vacancy ("strategisk tomgang"): for each own residence with vacant places on the
/// plan's day, how long until a fitting local citizen is referred, what keeping a place empty
/// that long costs, and what buying externally for that citizen instead would cost a year.
///
/// - Fitting referrals per year λ = Σ over the baseline's segments of the residence's offer
///   type, a target group in common and a support level in its range: the segment's referrals
///   per year × the share of its past referrals who fit every hard rule (features, age,
///   distance); referrals arrive as a Poisson process, so the wait is exponential: expected
///   365/λ days, median ln 2 · 365/λ, 10-90 % band −ln 0.9 · 365/λ to −ln 0.1 · 365/λ.
/// - Vacancy cost of the wait = expected days × (daily rate − variable daily cost).
/// - The purchase it avoids: the cheapest fitting external residence's yearly cost net of the
///   state refund for such a citizen, less the own place's yearly cost (the matching engine's
///   costing), averaged over the fitting referrals.
/// - Advice: fill now when a fitting citizen is already waiting; hold when the vacancy cost of
///   the expected wait is below one year's saving; otherwise do not hold (offer the place, e.g.
///   to another municipality, or to a citizen who fits less well).
public struct VacancyAdvice: Sendable, Equatable {
    public enum Advice: String, Sendable, Codable { case fillNow = "fill_now", hold, doNotHold = "do_not_hold" }

    public var residenceId: String
    public var residenceName: String
    public var offerType: OfferType
    public var vacantPlaces: Int
    public var fittingWaiting: Int
    /// Fitting referrals per year, in hundredths.
    public var fittingReferralsPerYearHundredths: Int64
    /// Days until the next fitting referral: mean, and the median with its 10-90 % band (nil: none expected).
    public var expectedDays: Int?
    public var days: Band?
    public var vacancyDailyCost: Money
    public var vacancyCostOfWait: Money?
    public var externalAnnualCost: Money?
    public var annualSaving: Money?
    public var advice: Advice
}

public enum StrategicVacancy {
    static func advise(world: PlanWorld, setup: PlanSetup) -> [VacancyAdvice] {
        let asOf = world.asOf
        let costing = Costing(policy: world.policy)
        let demand = setup.scenarios[0].demand
        let residences = world.residences
        let externals = residences.filter { !$0.isOwn && $0.isOpen(on: asOf) }
        // Vacant own places on the plan's day, by residence.
        var occupied = Set<Int>()
        for i in setup.initial { if case .own(let k) = i.at { occupied.insert(k) } }
        var vacant: [Int: [Int]] = [:]
        for (k, p) in setup.scenarios[0].places.enumerated() where !occupied.contains(k) { vacant[p.residence, default: []].append(k) }
        let waiting = setup.initial.compactMap { i -> Citizen? in
            if case .waiting = i.at, let c = i.citizen { return world.citizens[c] }
            return nil
        }
        // The cheapest fitting external purchase of a citizen, net a year (the same for every residence).
        var cheapest: [String: Money?] = [:]
        func external(_ c: Citizen) -> Money? {
            let key = "\(c.id)|\(c.offerType.rawValue)|\(c.targetGroups.rawValue)|\(c.supportLevel)"
            if let known = cheapest[key] { return known }
            let best = externals.filter { Fit.failure(c, $0, moveIn: asOf, km: Costing.km(c, $0)) == nil }
                .map { costing.external(c, $0, km: Costing.km(c, $0)).net }.min()
            cheapest[key] = best
            return best
        }
        var out: [VacancyAdvice] = []
        for (r, places) in vacant.sorted(by: { residences[$0.key].id < residences[$1.key].id }) {
            let res = residences[r]
            guard res.isOpen(on: asOf) else { continue }
            let features = setup.scenarios[0].places[places[0]].features
            func fits(_ c: Citizen) -> Bool {
                Fit.failure(c, res, placeFeatures: features, moveIn: asOf, km: Costing.km(c, res)) == nil
            }
            let fittingWaiting = waiting.filter(fits).count
            var lambda = 0.0
            var externalMean = WeightedMoneyMean(), savingMean = WeightedMoneyMean()
            let terms = ResidenceTerms(res)
            for s in demand.segments where s.referralsPerYear > 0 && Fit.admits(terms, Fit.Profile(
                offerType: s.segment.offerType, targetGroups: s.segment.targetGroups, supportLevel: s.segment.supportLevel)) {
                let people: [Citizen] = s.templates.isEmpty
                    ? [Citizen(id: "typical", homeMunicipalityCode: world.planningArea.first ?? 0, targetGroups: s.segment.targetGroups,
                               offerType: s.segment.offerType, supportLevel: s.segment.supportLevel, status: .waiting)]
                    : s.templates.map { world.citizens[$0] }.map { c in
                        var x = c
                        x.offerType = s.segment.offerType
                        x.excludedResidences = []
                        x.preferredResidences = []
                        return x
                    }
                let fitting = people.filter(fits)
                guard !fitting.isEmpty else { continue }
                let share = Double(fitting.count) / Double(people.count)
                lambda += s.referralsPerYear * share
                // Each of the segment's people stands for its referrals a year shared among them.
                let w = WeightedMoneyMean.weight(referralsPerYear: s.referralsPerYear, among: people.count)
                for c in fitting {
                    guard let ext = external(c) else { continue }
                    let own = costing.own(c, res, km: Costing.km(c, res)).net
                    externalMean.add(ext, weight: w)
                    savingMean.add(ext - own, weight: w)
                }
            }
            let variable = costing.variableDailyCost(res)
            let fixedDaily = max(.zero, res.dailyRate - variable)
            var a = VacancyAdvice(residenceId: res.id, residenceName: res.name, offerType: res.offerType, vacantPlaces: places.count,
                                  fittingWaiting: fittingWaiting, fittingReferralsPerYearHundredths: Int64((lambda * 100).rounded()),
                                  expectedDays: nil, days: nil, vacancyDailyCost: fixedDaily, vacancyCostOfWait: nil,
                                  externalAnnualCost: nil, annualSaving: nil, advice: .doNotHold)
            a.externalAnnualCost = externalMean.mean
            a.annualSaving = savingMean.mean
            if lambda > 0 {
                let mean = 365 / lambda
                let expected = Int(mean.rounded())
                a.expectedDays = expected
                a.days = Band(low: Int64((-log(0.9) * mean).rounded()), median: Int64((log(2.0) * mean).rounded()),
                              high: Int64((-log(0.1) * mean).rounded()))
                a.vacancyCostOfWait = fixedDaily * Int64(expected)
            }
            if fittingWaiting > 0 {
                a.advice = .fillNow
            } else if let cost = a.vacancyCostOfWait, let saving = a.annualSaving, cost < saving {
                a.advice = .hold
            }
            out.append(a)
        }
        return out
    }
}

/// A weighted mean of amounts, exact: the sums are whole øre × whole weights in 128 bits,
/// and the mean is rounded once, half away from zero (`Rounding.divide`), so the advice's
/// amounts never pass through floating point.
public struct WeightedMoneyMean: Sendable, Equatable {
    var sum: Int128? = 0
    var weights: Int128 = 0

    public init() {}

    /// The share of a referral rate each of `count` people stands for, as a whole weight:
    /// 10⁻¹⁵ referrals a year each, fine enough that the mean is the real-valued one to well
    /// under an øre (the rate itself is an estimate, a `Double`).
    public static func weight(referralsPerYear rate: Double, among count: Int) -> Int128 {
        guard count > 0, rate.isFinite, rate > 0, rate < 1e9 else { return 0 }
        return Int128((rate / Double(count) * 1e15).rounded())
    }

    public mutating func add(_ amount: Money, weight: Int128) {
        guard weight > 0 else { return }
        weights += weight
        guard let s = sum else { return }
        let (product, o1) = Int128(amount.ore).multipliedReportingOverflow(by: weight)
        let (total, o2) = s.addingReportingOverflow(product)
        sum = o1 || o2 ? nil : total
    }

    /// The mean to the øre; nil with no weight, or when a sum would not fit in 128 bits
    /// (rates and amounts far beyond any municipality's).
    public var mean: Money? {
        guard weights > 0, let sum else { return nil }
        // A mean of 64-bit amounts lies between them, so it fits in 64 bits.
        return Money(ore: Int64(Rounding.divide(sum, by: weights)))
    }
}
