import PlacementModel

extension MatchInput {
    /// The bridge a waiting citizen lives in, if any.
    public func bridge(of citizenId: String) -> Bridge? { bridges?.first { $0.citizenId == citizenId } }
}

extension Matcher {
    /// What a bridge costs a year, net of the state refund: an own bridge place what filling it
    /// costs (`Costing`'s own-place rule), a bought one its daily rate × 365.
    public func bridgeCost(_ b: MatchInput.Bridge) -> Money {
        if let r = input.residences.first(where: { $0.id == b.residenceId }), r.isOwn {
            return costing.ownAmounts(ResidenceTerms(r)).net
        }
        return costing.currentExternal(dailyRate: b.dailyRate).net
    }

    /// A bridging citizen is proposed a place like any waiting citizen; moving there ends the
    /// bridge, so what the bridge costs a year is what the proposal saves.
    func withBridgeSavings(_ result: MatchResult) -> MatchResult {
        guard let bridges = input.bridges, !bridges.isEmpty else { return result }
        let byCitizen = Dictionary(bridges.map { ($0.citizenId, $0) }, uniquingKeysWith: { a, _ in a })
        var out = result
        for k in out.proposals.indices {
            let p = out.proposals[k]
            guard p.action == .placeOwn || p.action == .buyExternal, let b = byCitizen[p.citizenId] else { continue }
            out.proposals[k].annualSaving = bridgeCost(b)
        }
        return out
    }
}
