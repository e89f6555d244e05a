/// A row of the placements (history) sheet (`SheetColumns.placements`): a finished stay, as
/// the importer reads it and the generator writes it.
public struct PastStayRow: Sendable, Equatable {
    public var citizenId: String
    public var residenceId: String
    public var placeId: String?
    public var placedOn: Day
    public var leftOn: Day
    public var dailyRate: Money?
    public var referredOn: Day?

    public init(citizenId: String, residenceId: String, placeId: String?, placedOn: Day, leftOn: Day, dailyRate: Money?,
                referredOn: Day?) {
        self.citizenId = citizenId
        self.residenceId = residenceId
        self.placeId = placeId
        self.placedOn = placedOn
        self.leftOn = leftOn
        self.dailyRate = dailyRate
        self.referredOn = referredOn
    }
}
