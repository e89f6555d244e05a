import Foundation
import PlacementModel
@testable import PlacementGenerator

/// Checks a generated world's files against the import contract's invariants, reading only
/// the CSV text (not the generator's types), and lists every problem found with the row.
struct WorldCheck: Sendable {
    /// The checks of the shared worlds, each made once per test run.
    static let standard = WorldCheck(.standard)
    static let threeMunicipalities = WorldCheck(.threeMunicipalities)
    static let national = WorldCheck(.national)
    static let scaled = WorldCheck(.scaled)

    struct Res: Sendable {
        var id: String, op: String, municipality: Int, offer: String, groups: Set<String>, support: ClosedRange<Int>
        var features: Set<String>, age: ClosedRange<Int>, places: Int, rate: Double, opens: Day?, closes: Day?
        var isOwn: Bool { op == "own" }
    }
    struct Stay: Sendable {
        var citizen: String, residence: String, place: String, from: Day, to: Day?, current: Bool
    }

    let world: GeneratedWorld
    var problems: [String] = []
    var residences: [String: Res] = [:]
    /// Own place features by "residence/place".
    var places: [String: (features: Set<String>, status: String, availableFrom: String)] = [:]
    var citizens: [String: [String: String]] = [:]
    var stays: [Stay] = []
    /// Facts counted from the files, to compare with the summary.
    var counted = WorldSummary()
    var plannedMoveOutsWithin8Weeks = 0
    var acuteWaiting = 0
    var highWaiting = 0
    var costlyExternal = 0

    init(_ world: GeneratedWorld) {
        self.world = world
        checkResidences()
        checkPlaces()
        checkCitizens()
        checkHistory()
        checkTimelines()
    }

    var asOf: Day { world.spec.asOf }

    mutating func fail(_ message: String) { if problems.count < 50 { problems.append(message) } }

    static func list(_ s: String?) -> Set<String> { Set((s ?? "").split(separator: "|").map(String.init)) }
    static func day(_ s: String?) -> Day? { s.flatMap { $0.isEmpty ? nil : Day(iso: $0) } }

    mutating func checkHeader(_ file: String, _ expected: [String]) -> CSVTable {
        let t = world.table(file)
        if t.header != expected { fail("\(file): header \(t.header)") }
        for (i, row) in t.rows.enumerated() where row.count != expected.count {
            fail("\(file) row \(i + 2): \(row.count) fields")
        }
        return t
    }

    mutating func checkResidences() {
        let t = checkHeader("residences.csv", WorldOutput.residenceColumns)
        let area = Set(world.spec.municipalities)
        for r in t.records {
            let id = r["residence_id"]!
            let where_ = "residences.csv \(id)"
            guard let muni = Int(r["municipality_code"]!), let pc = Int(r["postcode"]!),
                  let postcode = ReferenceData.postcodeByCode[pc] else { fail("\(where_): municipality/postcode"); continue }
            if postcode.municipalityCode != muni { fail("\(where_): postcode \(pc) not in \(muni)") }
            let op = r["operator"]!
            if (op == "own") != area.contains(muni) && op != "private" && op != "regional" { fail("\(where_): operator \(op) in \(muni)") }
            if op == "own" && !area.contains(muni) { fail("\(where_): own outside the area") }
            if op == "municipal" && area.contains(muni) { fail("\(where_): municipal operator inside the area") }
            if !["own", "municipal", "regional", "private"].contains(op) { fail("\(where_): operator \(op)") }
            let lat = r["latitude"]!, lon = r["longitude"]!
            if lat.isEmpty != lon.isEmpty { fail("\(where_): one coordinate") }
            if let la = Double(lat), let lo = Double(lon) {
                let km = Coordinate(latitude: la, longitude: lo).kilometres(to: postcode.point)
                if km > 2.5 { fail("\(where_): \(km) km from its postcode") }
            }
            guard OfferType(rawValue: r["offer_type"]!) != nil else { fail("\(where_): offer type"); continue }
            let groups = Self.list(r["target_groups"])
            if groups.isEmpty || groups.contains(where: { TargetGroup(rawValue: $0) == nil }) { fail("\(where_): groups \(groups)") }
            let features = Self.list(r["features"])
            if features.contains(where: { Feature(rawValue: $0) == nil }) { fail("\(where_): features") }
            let sMin = Int(r["support_level_min"]!) ?? 0, sMax = Int(r["support_level_max"]!) ?? 0
            if !(1 <= sMin && sMin <= sMax && sMax <= 5) { fail("\(where_): support \(sMin)-\(sMax)") }
            let aMin = Int(r["age_min"]!) ?? 0, aMax = Int(r["age_max"]!) ?? 130
            if aMin > aMax { fail("\(where_): age \(aMin)-\(aMax)") }
            let rate = Double(r["daily_rate"]!) ?? -1
            if rate < 0 { fail("\(where_): rate") }
            if let v = r["variable_daily_cost"], !v.isEmpty, (Double(v) ?? -1) < 0 { fail("\(where_): variable cost") }
            let opens = Self.day(r["opens_on"]), closes = Self.day(r["closes_on"])
            if let o = opens, let c = closes, o >= c { fail("\(where_): opens after closing") }
            if let c = closes, c <= asOf { fail("\(where_): closed at asOf") }
            if let o = opens, o > asOf, op != "own" { fail("\(where_): external residence not open") }
            if residences[id] != nil { fail("\(where_): duplicate id") }
            residences[id] = Res(id: id, op: op, municipality: muni, offer: r["offer_type"]!, groups: groups,
                                 support: sMin...max(sMin, sMax), features: features, age: aMin...max(aMin, aMax),
                                 places: Int(r["places"]!) ?? -1, rate: rate, opens: opens, closes: closes)
            if op == "own" { counted.ownResidences += 1 } else { counted.externalResidences += 1 }
        }
    }

    mutating func checkPlaces() {
        let t = checkHeader("places.csv", WorldOutput.placeColumns)
        var perResidence: [String: Int] = [:]
        for p in t.records {
            let rid = p["residence_id"]!, pid = p["place_id"]!
            guard let r = residences[rid] else { fail("places.csv: unknown residence \(rid)"); continue }
            if !r.isOwn { fail("places.csv: place of external \(rid)") }
            let key = "\(rid)/\(pid)"
            if places[key] != nil { fail("places.csv: duplicate \(key)") }
            let features = p["features"]!.isEmpty ? r.features : Self.list(p["features"])
            if !features.isSubset(of: r.features) { fail("places.csv: \(key) has features the residence lacks") }
            let status = p["status"]!
            if PlaceStatus(rawValue: status) == nil { fail("places.csv: \(key) status \(status)") }
            if let o = r.opens, o > asOf, status != "closed" { fail("places.csv: \(key) of an unopened residence is \(status)") }
            places[key] = (features, status, p["available_from"]!)
            perResidence[rid, default: 0] += 1
            counted.ownPlaces += 1
            switch status {
            case "occupied": counted.occupiedOwnPlaces += 1
            case "reserved": counted.reservedOwnPlaces += 1
            case "closed": counted.closedOwnPlaces += 1
            default: break
            }
        }
        for r in residences.values where r.isOwn && perResidence[r.id, default: 0] != r.places {
            fail("places.csv: \(r.id) has \(perResidence[r.id, default: 0]) places, residences.csv says \(r.places)")
        }
    }

    /// Does a stay in `rid` (place `pid`) from `from` to `to` fit citizen `c`?
    mutating func checkFit(_ c: [String: String], _ rid: String, _ pid: String, years: ClosedRange<Int>, _ what: String) {
        guard let r = residences[rid] else { fail("\(what): unknown residence \(rid)"); return }
        // A bridge (overgangsophold) is in another offer type than the granted one by nature.
        if r.offer != c["offer_type"] && c["bridging"] != "yes" { fail("\(what): offer \(c["offer_type"]!) in \(r.offer) residence \(rid)") }
        if r.groups.isDisjoint(with: Self.list(c["target_groups"])) { fail("\(what): no shared target group with \(rid)") }
        if !r.support.contains(Int(c["support_level"]!)!) { fail("\(what): support level outside \(rid)'s \(r.support)") }
        let available = r.isOwn ? (places["\(rid)/\(pid)"]?.features ?? []) : r.features
        if !Self.list(c["required_features"]).isSubset(of: available) { fail("\(what): required features missing in \(rid)/\(pid)") }
        if let b = Int(c["birth_year"]!), !(r.age.contains(years.lowerBound - b) && r.age.contains(years.upperBound - b)) {
            fail("\(what): age outside \(rid)'s \(r.age) in \(years)")
        }
        if r.isOwn != !pid.isEmpty { fail("\(what): place id \(pid.isEmpty ? "missing" : "given") for \(rid)") }
        if r.isOwn && places["\(rid)/\(pid)"] == nil { fail("\(what): unknown place \(rid)/\(pid)") }
    }

    mutating func checkCitizens() {
        let t = checkHeader("citizens.csv", WorldOutput.citizenColumns)
        let area = Set(world.spec.municipalities)
        for c in t.records {
            let id = c["citizen_id"]!
            let what = "citizens.csv \(id)"
            if citizens[id] != nil { fail("\(what): duplicate id") }
            citizens[id] = c
            if !(id.hasPrefix("B") && id.count >= 8 && id.dropFirst().allSatisfy(\.isNumber)) || id.filter(\.isNumber).count == 10 {
                fail("\(what): not a case number")
            }
            if !area.contains(Int(c["home_municipality_code"]!) ?? 0) { fail("\(what): home outside the area") }
            if ReferenceData.postcodeByCode[Int(c["network_postcode"]!) ?? 0] == nil { fail("\(what): network postcode") }
            if let b = Int(c["birth_year"]!), !(1900...asOf.year - 18).contains(b) { fail("\(what): birth year \(b)") }
            for k in ["preferred_residences", "excluded_residences"] {
                for r in Self.list(c[k]) where residences[r] == nil { fail("\(what): \(k) \(r) unknown") }
            }
            if let km = c["max_distance_km"], !km.isEmpty, !(1...1000).contains(Int(km) ?? 0) { fail("\(what): max distance \(km)") }
            let rid = c["residence_id"]!, pid = c["place_id"]!
            let placedOn = Self.day(c["placed_on"]), leavesOn = Self.day(c["leaves_on"]), referred = Self.day(c["referred_on"])
            switch c["status"]! {
            case "placed":
                guard let p = placedOn else { fail("\(what): placed without placed_on"); continue }
                if p > asOf { fail("\(what): placed after asOf") }
                if let l = leavesOn {
                    if l <= asOf { fail("\(what): leaves_on not after asOf") }
                    if l <= asOf.adding(days: 56) { plannedMoveOutsWithin8Weeks += 1 }
                }
                if let r = referred, r > p, c["bridging"] != "yes" { fail("\(what): referred after placed") }
                switch c["bridging"]! {
                // A bridge (overgangsophold): the citizen waits from the referral for the granted offer.
                case "yes":
                    if referred.map({ $0 > asOf }) ?? true { fail("\(what): bridging without referral before asOf") }
                    counted.citizensBridging += 1
                case "": break
                default: fail("\(what): bridging \(c["bridging"]!)")
                }
                checkFit(c, rid, pid, years: p.year...(leavesOn ?? asOf).year, what)
                stays.append(Stay(citizen: id, residence: rid, place: pid, from: p, to: leavesOn, current: true))
                let external = !(residences[rid]?.isOwn ?? true)
                if external {
                    counted.citizensPlacedExternal += 1
                    let rate = c["daily_rate"]!.isEmpty ? residences[rid]!.rate : Double(c["daily_rate"]!)!
                    counted.externalAnnualCost += Money(ore: Int64((rate * 100).rounded()) * 365)
                    if rate * 365 > 2_000_000 { costlyExternal += 1 }
                    if !["yes", "no"].contains(c["open_to_move"]!) { fail("\(what): open_to_move \(c["open_to_move"]!)") }
                } else {
                    counted.citizensPlacedOwn += 1
                    if !c["open_to_move"]!.isEmpty { fail("\(what): open_to_move for an own place") }
                }
            case "waiting":
                guard let r = referred, r <= asOf else { fail("\(what): waiting without referral before asOf"); continue }
                if !rid.isEmpty || !pid.isEmpty || placedOn != nil { fail("\(what): waiting with a stay") }
                guard let u = Urgency(rawValue: c["urgency"]!) else { fail("\(what): urgency"); continue }
                if u == .acute { acuteWaiting += 1 }
                if u == .high { highWaiting += 1 }
                counted.citizensWaiting += 1
            case "left":
                if !rid.isEmpty || placedOn != nil { fail("\(what): left with a stay") }
                counted.citizensLeft += 1
            default:
                fail("\(what): status \(c["status"]!)")
            }
        }
    }

    mutating func checkHistory() {
        let t = checkHeader("placements.csv", WorldOutput.placementColumns)
        var hasHistory = Set<String>()
        for h in t.records {
            let id = h["citizen_id"]!
            let what = "placements.csv \(id) \(h["residence_id"]!)"
            guard let c = citizens[id] else { fail("\(what): unknown citizen"); continue }
            guard let from = Self.day(h["placed_on"]), let to = Self.day(h["left_on"]) else { fail("\(what): dates"); continue }
            if !(from < to && to <= asOf) { fail("\(what): stay \(from)–\(to) not ended by asOf") }
            if let r = Self.day(h["referred_on"]), r > from { fail("\(what): referred after placed") }
            if let rate = h["daily_rate"], !rate.isEmpty, (Double(rate) ?? -1) < 0 { fail("\(what): rate") }
            checkFit(c, h["residence_id"]!, h["place_id"]!, years: from.year...to.year, what)
            stays.append(Stay(citizen: id, residence: h["residence_id"]!, place: h["place_id"]!, from: from, to: to, current: false))
            hasHistory.insert(id)
            counted.historyPlacements += 1
        }
        for (id, c) in citizens where c["status"] == "left" && !hasHistory.contains(id) {
            fail("citizens.csv \(id): left without history")
        }
    }

    static func overlap(_ a: Stay, _ b: Stay) -> Bool {
        a.from < (b.to ?? Day(daysSinceEpoch: .max)) && b.from < (a.to ?? Day(daysSinceEpoch: .max))
    }

    mutating func checkTimelines() {
        // One citizen: no overlaps, history before the current stay.
        let byCitizen = Dictionary(grouping: stays, by: \.citizen)
        for (id, list) in byCitizen {
            let sorted = list.sorted { $0.from < $1.from }
            for (a, b) in zip(sorted, sorted.dropFirst()) where Self.overlap(a, b) {
                fail("citizen \(id): stays \(a.from) and \(b.from) overlap")
            }
            if let current = list.first(where: \.current) {
                for h in list where !h.current && h.to! > current.from { fail("citizen \(id): history ends after the current stay began") }
            }
        }
        // One own place: no overlaps; occupied exactly when a current stay covers asOf.
        let byPlace = Dictionary(grouping: stays.filter { !$0.place.isEmpty }, by: { "\($0.residence)/\($0.place)" })
        for (key, list) in byPlace {
            let sorted = list.sorted { $0.from < $1.from }
            for (a, b) in zip(sorted, sorted.dropFirst()) where Self.overlap(a, b) {
                fail("place \(key): stays from \(a.from) and \(b.from) overlap")
            }
            if let r = residences[String(key.split(separator: "/")[0])], let o = r.opens {
                for s in list where s.from < o { fail("place \(key): stay before the residence opened") }
            }
        }
        for (key, p) in places {
            let covering = (byPlace[key] ?? []).filter { $0.from <= asOf && ($0.to.map { asOf < $0 } ?? true) }
            if (p.status == "occupied") != !covering.isEmpty { fail("place \(key): status \(p.status) with \(covering.count) stays at asOf") }
            if let current = covering.first, let l = current.to, p.availableFrom != l.iso {
                fail("place \(key): available_from \(p.availableFrom), occupant leaves \(l)")
            }
        }
        // External residences: no more current stays than places.
        let current = Dictionary(grouping: stays.filter { $0.current && !(residences[$0.residence]?.isOwn ?? true) }, by: \.residence)
        for (rid, list) in current where list.count > residences[rid]!.places {
            fail("residence \(rid): \(list.count) current stays in \(residences[rid]!.places) places")
        }
    }
}
