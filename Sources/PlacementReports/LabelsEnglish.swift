/// The English labels of the weekly report.
extension Labels {
    public static let en: Labels = {
        var l = Labels()
        l.language = .en

        l.reportTitle = "Weekly report: occupancy, waiting list and external purchases"
        l.municipalities = { "\($0) municipalities" }
        l.and = "and"
        l.planningArea = "Planning area"
        l.period = { "Monday \($0) to Sunday \($1)" }
        l.asAtSunday = { "State at the end of the week (Sunday \($0))" }
        l.publicNotice = "Public version: counts below 5 are shown as \"<5\" and no rows about single citizens are included."
        l.latestRun = { "Proposals from match run \($0) of \($1)" }
        l.noRun = "No match run before the end of the week"
        l.omittedInPublic = "Left out of the public version (rows about single citizens)."
        l.total = "Total"
        l.contents = "Contents"
        l.weekShort = { "week \($0)" }

        l.unitDays = "days"
        l.unitPercentagePoints = "pp"
        l.place = "place"
        l.yes = "yes"
        l.no = "no"

        l.sectionHeadline = "Key figures"
        l.columnFigure = "Figure"
        l.columnChange = "Change"
        l.figureWaiting = "Citizens waiting (number)"
        l.figureMedianWait = "Median wait (days)"
        l.figureLongestWait = "Longest wait (days)"
        l.figureReferrals = "New referrals this week (number)"
        l.figurePlacementsOwn = "Placements made in own residences (number)"
        l.figurePlacementsExternal = "Placements made in external residences (number)"
        l.figureMovesHome = "Moves home this week (number)"
        l.figurePlaced = "Placed citizens (number)"
        l.figureLocalShare = "Placed locally in own residences (% of placed)"
        l.figureExternalCount = "Externally placed citizens (number)"
        l.figureExternalCost = "Annual cost of external placements (DKK/year)"
        l.figureOccupancy = "Occupancy of own places (%)"
        l.figureVacant = "Vacant own places (number)"
        l.figureVacancyDays = "Vacant place-days this week (days)"
        l.figureVacancyCost = "Vacancy cost this week (DKK)"

        l.sectionTrends = { "Trends over the last \($0) weeks" }
        l.trendsIntro = "Computed from the history for each week's Sunday, not from stored copies of old reports."
        l.chartWaiting = "Citizens waiting"
        l.chartMedianWait = "Median wait"
        l.chartOccupancy = "Occupancy of own places"
        l.chartExternalCount = "Externally placed citizens"
        l.chartExternalCost = "Annual cost of external placements"
        l.axisCitizens = "Citizens"
        l.axisDays = "Days"
        l.axisPercent = "Per cent (%)"
        l.axisMillions = "DKK million a year"
        l.axisWeek = "Week (Sunday)"
        l.chartWithheld = "Weeks with fewer than 5 citizens are not shown."
        l.columnWeek = "Week"
        l.columnSunday = "Sunday"
        l.columnWaiting = "Waiting (number)"
        l.columnMedianWait = "Median wait (days)"
        l.columnOccupiedPlaces = "Own places occupied (number)"
        l.columnOwnPlaces = "Own places (number)"
        l.columnOccupancy = "Occupancy (%)"
        l.columnExternalCount = "Externally placed (number)"
        l.columnExternalCost = "Annual cost, external (DKK/year)"

        l.sectionWaiting = "Waiting list"
        l.columnCitizen = "Citizen (pseudonym)"
        l.columnOfferType = "Offer type"
        l.columnTargetGroup = "Target group"
        l.columnSupportLevel = "Support level (1-5)"
        l.columnUrgency = "Urgency"
        l.columnReferred = "Referred"
        l.columnDaysWaiting = "Waiting (days)"
        l.columnProposal = "Current proposal"
        l.columnProposedResidence = "Proposed residence"
        l.columnMoveIn = "Move-in"
        l.columnNeededBy = "Needed by"
        l.columnDaysOverDeadline = "Days past deadline"
        l.columnBeyondNorm = "Beyond norm"
        l.emptyWaiting = "No one is waiting."
        l.waitingHighlight = { "Highlighted: waiting longer than \($0)." }
        l.actionPlaceOwn = "Own place"
        l.actionBuyExternal = "Buy externally"
        l.actionBringHome = "Bring home"
        l.actionNoFit = "No fitting offer"
        l.statusProposed = "proposed"
        l.statusAccepted = "accepted"
        l.statusDeclined = "declined"
        l.statusWithdrawn = "withdrawn"

        l.sectionResidences = "Own residences"
        l.residencesIntro = "Places on Sunday; vacancy and vacancy cost over the whole week (vacant place-days × daily rate)."
        l.columnResidence = "Residence"
        l.columnPlaces = "Places (number)"
        l.columnOccupied = "Occupied (number)"
        l.columnVacant = "Vacant (number)"
        l.columnReserved = "Reserved (number)"
        l.columnClosed = "Closed (number)"
        l.columnVacancyDays = "Vacant place-days (days)"
        l.columnDailyRate = "Daily rate (DKK)"
        l.columnVacancyCost = "Vacancy cost (DKK)"
        l.emptyResidences = "No own residences."

        l.sectionExternal = "External placements"
        l.externalIntro = "Citizens in external residences on Sunday and the annual cost (daily rate × 365)."
        l.tableExternalByOffer = "External by offer type"
        l.tableExternalByOperator = "External by operator"
        l.tableExternalByMunicipality = "External by municipality"
        l.columnOperator = "Operator"
        l.columnMunicipality = "Municipality"
        l.columnCitizens = "Citizens (number)"
        l.columnAnnualCost = "Annual cost (DKK/year)"
        l.emptyExternal = "No external placements."
        l.tableExpensive = "Particularly expensive cases"
        l.expensiveIntro = "Particularly expensive cases (\"særligt dyre enkeltsager\"): placements costing more than DKK 2 million a year."
        l.columnPlacedSince = "Placed since"
        l.emptyExpensive = "No placement costs more than DKK 2 million a year."
        l.tableExpensiveTotal = "Expensive cases in total"
        l.columnCases = "Cases (number)"

        l.sectionBringHome = "Bring-home candidates"
        l.bringHomeIntro = "Citizens in external residences who are open to moving, and the possible annual saving according to the latest match run."
        l.tableBringHomeTotal = "Bring-home in total"
        l.columnCandidates = "Candidates (number)"
        l.columnWithProposal = "With a bring-home proposal (number)"
        l.columnPossibleSaving = "Possible saving (DKK/year)"
        l.columnCurrentResidence = "Current residence"
        l.columnProposedOwn = "Proposed own residence"
        l.emptyBringHome = "No citizen in an external residence is open to moving."

        l.sectionNorms = "Waiting longer than the norms"
        l.normsIntro = "The municipality has a legal duty to provide the granted offer; a long wait is its warning sign. Waits on Sunday by offer type."
        l.normName = { days in
            if days % 7 == 0 { return "\(days / 7) \(days == 7 ? "week" : "weeks") (\(days) days)" }
            if let m = Labels.months(days) { return "\(m) \(m == 1 ? "month" : "months") (\(days) days)" }
            return "\(days) days"
        }
        l.columnOverNorm = { "Over \($0) (number)" }
        l.columnLongestWait = "Longest wait (days)"
        l.columnPastDeadline = "Past deadline (number)"
        l.emptyNorms = "No one is waiting."

        l.sectionDeclines = "Declines this week"
        l.tableDeclineReasons = "Declines by reason"
        l.columnReason = "Reason"
        l.columnDeclines = "Declines (number)"
        l.reasonCitizen = "Declined by the citizen"
        l.reasonProvider = "Declined by the provider"
        l.reasonNeedChanged = "Need changed"
        l.reasonOther = "Other reason"
        l.columnDate = "Date"
        l.columnNote = "Note"
        l.emptyDeclines = "No declines this week."

        l.sectionChanges = "Changes this week"
        l.tableChangeCounts = "Changes by kind"
        l.columnChangeKind = "Change"
        l.changeReferred = "Referred"
        l.changePlaced = "Placed"
        l.changeMoved = "Moved"
        l.changeMovedHome = "of which moved home"
        l.changeLeft = "Left"
        l.columnFrom = "From"
        l.columnTo = "To"
        l.emptyChanges = "No changes this week."

        l.definitionsTitle = "Definitions"
        l.definitions = { norms in [
            "The week runs Monday to Sunday (ISO 8601 weeks). \"At the end of the week\" means on Sunday: stays starting on or before Sunday and ending after it, and waiting periods open on Sunday.",
            "A wait is the number of days from referral to Sunday. The median of an even number of waits is the mean of the two middle ones. New referrals are waiting periods starting in the week.",
            "Placements made are stays starting in the week (moves included), in own or external residences by operator. Moves home are stays in own residences starting in the week whose citizen's previous stay (ending that day) was external.",
            "Moved: a new stay whose citizen had another stay ending that day. Left: a stay ending in the week with no new stay that day. Placed: a new stay with no previous stay ending that day.",
            "Own places are the places of own residences. A place is occupied when a stay covers the day (a stay without a citizen is someone from outside the planning area), else reserved or closed by its flag, else vacant. Occupied + vacant + reserved + closed = places, and the figures agree with 'placement status' for the Sunday.",
            "Vacant place-days: for each own place and each day of the week, the days it is vacant. The vacancy cost is vacant place-days × the residence's daily rate.",
            "Simplification: the reserved and closed flags, the daily rates and the list of places are the current ones and are applied to the whole history; residences' opening and closing dates are not applied.",
            "External placements are stays in residences of another operator on Sunday. Annual cost = daily rate × 365, the daily rate being the stay's own, else the citizen's agreed rate, else the residence's. Particularly expensive cases cost more than DKK 2 million a year.",
            "The current proposal is the citizen's row in the latest match run (not a replay) dated on or before Sunday. Bring-home candidates are citizens in external residences on Sunday who are open to moving; the saving is from that run's bring-home proposal.",
            "Waiting-time norms: \(norms) (policy wait_norm_days). A citizen is over a norm when the wait on Sunday is longer than it.",
            "Citizens' offer type, target group, support level and urgency are the current ones. Citizens appear only by pseudonym, never by CPR number. All amounts are computed exactly in øre and rounded only when printed.",
        ] }

        l.sectionRevised = "Changed since first produced"
        l.revisedIntro = { "The week's report was first produced on \($0). Later imports changed these figures; first and now:" }
        l.columnFirstProduced = "First produced"
        l.columnNow = "Now"
        l.summaryNorms = "Waiting over the norm"
        l.summaryPastDeadline = "Past the deadline (needed by)"
        l.followUpTitle = "Waiting past the deadline or a norm"
        l.followUpLine = { citizen, days, deadline, over, norm in
            var s = "\(citizen) waiting \(days) days"
            if let deadline { s += ", needed by \(deadline)" + (over.map { " (\($0) days past)" } ?? "") }
            if let norm { s += ", beyond \(norm)" }
            return s
        }
        l.summaryOverNorm = { "\($0) over \($1)" }
        l.summaryExpensive = "Particularly expensive cases"
        l.summaryExpensiveLine = { "\($0) cases, \($1) a year in total" }
        l.summaryBringHome = "Bring-home candidates"
        l.summaryBringHomeLine = { "\($0) citizens open to moving, \($1) with a proposal, possible saving \($2) a year" }
        l.summaryDeclines = "Declines"
        l.summaryChanges = "Changes"
        l.summaryNone = "none"
        l.perYear = "a year"
        return l
    }()
}
