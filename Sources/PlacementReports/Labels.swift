import PlacementModel

/// Every word the weekly report prints, one table per language (`Labels.da` in
/// LabelsDanish.swift, `Labels.en` in LabelsEnglish.swift). Renderers take all their text
/// from here; numbers, amounts and dates come from `DisplayFormat`; the names of
/// offer types, target groups, operators and urgencies from the model's `DomainTerm`s.
/// A test checks that no label is left empty in either language.
public struct Labels: Sendable {
    public var language: Language = .da

    // Title block
    public var reportTitle = ""
    public var planningArea = ""
    public var municipalities: @Sendable (_ count: Int) -> String = { _ in "" }
    public var and = ""
    public var period: @Sendable (_ monday: String, _ sunday: String) -> String = { _, _ in "" }
    public var asAtSunday: @Sendable (_ sunday: String) -> String = { _ in "" }
    public var publicNotice = ""
    public var latestRun: @Sendable (_ id: Int64, _ asOf: String) -> String = { _, _ in "" }
    public var noRun = ""
    public var omittedInPublic = ""
    public var total = ""
    public var contents = ""
    public var weekShort: @Sendable (_ week: Int) -> String = { _ in "" }

    // Units and words
    public var unitDays = ""
    public var unitPercentagePoints = ""
    public var place = ""
    public var yes = ""
    public var no = ""

    // Headline
    public var sectionHeadline = ""
    public var columnFigure = ""
    public var columnChange = ""
    public var figureWaiting = ""
    public var figureMedianWait = ""
    public var figureLongestWait = ""
    public var figureReferrals = ""
    public var figurePlacementsOwn = ""
    public var figurePlacementsExternal = ""
    public var figureMovesHome = ""
    public var figurePlaced = ""
    public var figureLocalShare = ""
    public var figureExternalCount = ""
    public var figureExternalCost = ""
    public var figureOccupancy = ""
    public var figureVacant = ""
    public var figureVacancyDays = ""
    public var figureVacancyCost = ""

    // Trends
    public var sectionTrends: @Sendable (_ weeks: Int) -> String = { _ in "" }
    public var trendsIntro = ""
    public var chartWaiting = ""
    public var chartMedianWait = ""
    public var chartOccupancy = ""
    public var chartExternalCount = ""
    public var chartExternalCost = ""
    public var axisCitizens = ""
    public var axisDays = ""
    public var axisPercent = ""
    public var axisMillions = ""
    public var axisWeek = ""
    public var chartWithheld = ""
    public var columnWeek = ""
    public var columnSunday = ""
    public var columnWaiting = ""
    public var columnMedianWait = ""
    public var columnOccupiedPlaces = ""
    public var columnOwnPlaces = ""
    public var columnOccupancy = ""
    public var columnExternalCount = ""
    public var columnExternalCost = ""

    // Waiting list
    public var sectionWaiting = ""
    public var columnCitizen = ""
    public var columnOfferType = ""
    public var columnTargetGroup = ""
    public var columnSupportLevel = ""
    public var columnUrgency = ""
    public var columnReferred = ""
    public var columnDaysWaiting = ""
    public var columnProposal = ""
    public var columnProposedResidence = ""
    public var columnMoveIn = ""
    public var columnNeededBy = ""
    public var columnDaysOverDeadline = ""
    public var columnBeyondNorm = ""
    public var emptyWaiting = ""
    public var waitingHighlight: @Sendable (_ norm: String) -> String = { _ in "" }
    public var actionPlaceOwn = ""
    public var actionBuyExternal = ""
    public var actionBringHome = ""
    public var actionNoFit = ""
    public var statusProposed = ""
    public var statusAccepted = ""
    public var statusDeclined = ""
    public var statusWithdrawn = ""

    // Own residences
    public var sectionResidences = ""
    public var residencesIntro = ""
    public var columnResidence = ""
    public var columnPlaces = ""
    public var columnOccupied = ""
    public var columnVacant = ""
    public var columnReserved = ""
    public var columnClosed = ""
    public var columnVacancyDays = ""
    public var columnDailyRate = ""
    public var columnVacancyCost = ""
    public var emptyResidences = ""

    // External placements
    public var sectionExternal = ""
    public var externalIntro = ""
    public var tableExternalByOffer = ""
    public var tableExternalByOperator = ""
    public var tableExternalByMunicipality = ""
    public var columnOperator = ""
    public var columnMunicipality = ""
    public var columnCitizens = ""
    public var columnAnnualCost = ""
    public var emptyExternal = ""
    public var tableExpensive = ""
    public var expensiveIntro = ""
    public var columnPlacedSince = ""
    public var emptyExpensive = ""
    public var tableExpensiveTotal = ""
    public var columnCases = ""

    // Bring home
    public var sectionBringHome = ""
    public var bringHomeIntro = ""
    public var tableBringHomeTotal = ""
    public var columnCandidates = ""
    public var columnWithProposal = ""
    public var columnPossibleSaving = ""
    public var columnCurrentResidence = ""
    public var columnProposedOwn = ""
    public var emptyBringHome = ""

    // Norms
    public var sectionNorms = ""
    public var normsIntro = ""
    public var normName: @Sendable (_ days: Int) -> String = { _ in "" }
    public var columnOverNorm: @Sendable (_ norm: String) -> String = { _ in "" }
    public var columnLongestWait = ""
    public var columnPastDeadline = ""
    public var emptyNorms = ""

    // Declines
    public var sectionDeclines = ""
    public var tableDeclineReasons = ""
    public var columnReason = ""
    public var columnDeclines = ""
    public var reasonCitizen = ""
    public var reasonProvider = ""
    public var reasonNeedChanged = ""
    public var reasonOther = ""
    public var columnDate = ""
    public var columnNote = ""
    public var emptyDeclines = ""

    // Changes
    public var sectionChanges = ""
    public var tableChangeCounts = ""
    public var columnChangeKind = ""
    public var changeReferred = ""
    public var changePlaced = ""
    public var changeMoved = ""
    public var changeMovedHome = ""
    public var changeLeft = ""
    public var columnFrom = ""
    public var columnTo = ""
    public var emptyChanges = ""

    // Figures changed since the week's report was first produced
    public var sectionRevised = ""
    public var revisedIntro: @Sendable (_ firstProduced: String) -> String = { _ in "" }
    public var columnFirstProduced = ""
    public var columnNow = ""

    // Definitions
    public var definitionsTitle = ""
    public var definitions: @Sendable (_ norms: String) -> [String] = { _ in [] }

    // Terminal summary
    public var summaryNorms = ""
    public var summaryOverNorm: @Sendable (_ count: String, _ norm: String) -> String = { _, _ in "" }
    public var summaryExpensive = ""
    public var summaryExpensiveLine: @Sendable (_ count: String, _ amount: String) -> String = { _, _ in "" }
    public var summaryBringHome = ""
    public var summaryBringHomeLine: @Sendable (_ count: String, _ withProposal: String, _ saving: String) -> String = { _, _, _ in "" }
    public var summaryDeclines = ""
    public var summaryChanges = ""
    public var summaryNone = ""
    public var summaryPastDeadline = ""
    /// `placement status`: the citizens past their deadline or beyond a norm, one line each.
    public var followUpTitle = ""
    public var followUpLine: @Sendable (_ citizen: String, _ days: String, _ deadline: String?, _ over: String?, _ norm: String?) -> String = { _, _, _, _, _ in "" }
    public var perYear = ""

    public init() {}

    public static func of(_ language: Language) -> Labels { language == .da ? .da : .en }

    // MARK: Names from the model, in this language

    public func name(_ o: OfferType) -> String { o.name(language) }
    public func name(_ o: OperatorKind) -> String { capitalised(o.name(language)) }
    public func name(_ u: Urgency) -> String { u.name(language) }
    public func names(_ groups: TargetGroups) -> String { groups.members.map { $0.name(language) }.joined(separator: ", ") }

    public func name(_ a: ProposalAction) -> String {
        switch a {
        case .placeOwn: actionPlaceOwn
        case .buyExternal: actionBuyExternal
        case .bringHome: actionBringHome
        case .noFit: actionNoFit
        }
    }

    /// A proposal's status, in lower case as it reads in a sentence ("Egen plads (accepteret)").
    public func name(_ s: ProposalStatus) -> String {
        switch s {
        case .proposed: statusProposed
        case .accepted: statusAccepted
        case .declined: statusDeclined
        case .withdrawn: statusWithdrawn
        }
    }

    public func name(_ r: DeclineReason) -> String {
        switch r {
        case .citizenDeclined: reasonCitizen
        case .providerDeclined: reasonProvider
        case .needChanged: reasonNeedChanged
        case .other: reasonOther
        }
    }

    public func name(_ k: Change.Kind) -> String {
        switch k {
        case .referred: changeReferred
        case .placed: changePlaced
        case .moved: changeMoved
        case .left: changeLeft
        }
    }

    public func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
