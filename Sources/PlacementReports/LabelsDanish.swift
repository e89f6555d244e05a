/// The Danish labels of the weekly report: the planners' own words and conventions.
extension Labels {
    public static let da: Labels = {
        var l = Labels()
        l.language = .da

        l.reportTitle = "Ugerapport: belægning, venteliste og eksterne køb"
        l.municipalities = { "\($0) kommuner" }
        l.and = "og"
        l.planningArea = "Planlægningsområde"
        l.period = { "mandag \($0) – søndag \($1)" }
        l.asAtSunday = { "Status ved udgangen af ugen (søndag \($0))" }
        l.publicNotice = "Offentlig version: antal under 5 vises som \"<5\", og der er ingen oplysninger om enkelte borgere."
        l.latestRun = { "Forslag fra matchkørsel nr. \($0) af \($1)" }
        l.noRun = "Ingen matchkørsel før ugens udgang"
        l.omittedInPublic = "Udeladt i den offentlige version (oplysninger om enkelte borgere)."
        l.total = "I alt"
        l.contents = "Indhold"
        l.weekShort = { "uge \($0)" }

        l.unitDays = "dage"
        l.unitPercentagePoints = "pct.-point"
        l.place = "plads"
        l.yes = "ja"
        l.no = "nej"

        l.sectionHeadline = "Nøgletal"
        l.columnFigure = "Nøgletal"
        l.columnChange = "Ændring"
        l.figureWaiting = "Borgere på venteliste (antal)"
        l.figureMedianWait = "Median ventetid (dage)"
        l.figureLongestWait = "Længste ventetid (dage)"
        l.figureReferrals = "Nye henvisninger i ugen (antal)"
        l.figurePlacementsOwn = "Placeringer i egne tilbud i ugen (antal)"
        l.figurePlacementsExternal = "Placeringer i eksterne tilbud i ugen (antal)"
        l.figureMovesHome = "Hjemtagelser i ugen (antal)"
        l.figurePlaced = "Placerede borgere (antal)"
        l.figureLocalShare = "Placeret lokalt i egne tilbud (% af placerede)"
        l.figureExternalCount = "Eksternt placerede borgere (antal)"
        l.figureExternalCost = "Årlig udgift til eksterne placeringer (kr./år)"
        l.figureOccupancy = "Belægning af egne pladser (%)"
        l.figureVacant = "Ledige egne pladser (antal)"
        l.figureVacancyDays = "Tomgangsdøgn i ugen (dage)"
        l.figureVacancyCost = "Tomgangsudgift i ugen (kr.)"

        l.sectionTrends = { "Udvikling de seneste \($0) uger" }
        l.trendsIntro = "Beregnet ud fra historikken for hver uges søndag, ikke fra gemte rapporter."
        l.chartWaiting = "Borgere på venteliste"
        l.chartMedianWait = "Median ventetid"
        l.chartOccupancy = "Belægning af egne pladser"
        l.chartExternalCount = "Eksternt placerede borgere"
        l.chartExternalCost = "Årlig udgift til eksterne placeringer"
        l.axisCitizens = "Antal borgere"
        l.axisDays = "Dage"
        l.axisPercent = "Procent (%)"
        l.axisMillions = "Mio. kr. om året"
        l.axisWeek = "Uge (søndag)"
        l.chartWithheld = "Uger med under 5 borgere vises ikke."
        l.columnWeek = "Uge"
        l.columnSunday = "Søndag"
        l.columnWaiting = "Venter (antal)"
        l.columnMedianWait = "Median ventetid (dage)"
        l.columnOccupiedPlaces = "Optagne egne pladser (antal)"
        l.columnOwnPlaces = "Egne pladser (antal)"
        l.columnOccupancy = "Belægning (%)"
        l.columnExternalCount = "Eksternt placerede (antal)"
        l.columnExternalCost = "Årlig udgift, eksterne (kr./år)"

        l.sectionWaiting = "Venteliste"
        l.columnCitizen = "Borger (pseudonym)"
        l.columnOfferType = "Ydelse"
        l.columnTargetGroup = "Målgruppe"
        l.columnSupportLevel = "Støtteniveau (1-5)"
        l.columnUrgency = "Hastegrad"
        l.columnReferred = "Henvist"
        l.columnDaysWaiting = "Ventetid (dage)"
        l.columnProposal = "Aktuelt forslag"
        l.columnProposedResidence = "Foreslået tilbud"
        l.columnMoveIn = "Indflytning"
        l.columnNeededBy = "Senest"
        l.columnDaysOverDeadline = "Dage over fristen"
        l.columnBeyondNorm = "Ud over normen"
        l.emptyWaiting = "Ingen borgere venter."
        l.waitingHighlight = { "Fremhævet: ventetid over \($0)." }
        l.actionPlaceOwn = "Egen plads"
        l.actionBuyExternal = "Køb eksternt"
        l.actionBringHome = "Hjemtagelse"
        l.actionNoFit = "Intet passende tilbud"
        l.statusProposed = "foreslået"
        l.statusAccepted = "accepteret"
        l.statusDeclined = "afslået"
        l.statusWithdrawn = "trukket tilbage"

        l.sectionResidences = "Egne botilbud"
        l.residencesIntro = "Pladser søndag; tomgang og tomgangsudgift for hele ugen (tomgangsdøgn × døgntakst)."
        l.columnResidence = "Botilbud"
        l.columnPlaces = "Pladser (antal)"
        l.columnOccupied = "Optaget (antal)"
        l.columnVacant = "Ledige (antal)"
        l.columnReserved = "Reserveret (antal)"
        l.columnClosed = "Lukket (antal)"
        l.columnVacancyDays = "Tomgangsdøgn (dage)"
        l.columnDailyRate = "Døgntakst (kr.)"
        l.columnVacancyCost = "Tomgangsudgift (kr.)"
        l.emptyResidences = "Ingen egne botilbud."

        l.sectionExternal = "Eksterne placeringer"
        l.externalIntro = "Borgere i eksterne tilbud søndag og den årlige udgift (døgntakst × 365)."
        l.tableExternalByOffer = "Eksterne efter ydelse"
        l.tableExternalByOperator = "Eksterne efter driftsherre"
        l.tableExternalByMunicipality = "Eksterne efter kommune"
        l.columnOperator = "Driftsherre"
        l.columnMunicipality = "Kommune"
        l.columnCitizens = "Borgere (antal)"
        l.columnAnnualCost = "Årlig udgift (kr./år)"
        l.emptyExternal = "Ingen eksterne placeringer."
        l.tableExpensive = "Særligt dyre enkeltsager"
        l.expensiveIntro = "Særligt dyre enkeltsager: placeringer, der koster over 2 mio. kr. om året."
        l.columnPlacedSince = "Placeret siden"
        l.emptyExpensive = "Ingen placeringer over 2 mio. kr. om året."
        l.tableExpensiveTotal = "Dyre enkeltsager i alt"
        l.columnCases = "Sager (antal)"

        l.sectionBringHome = "Mulige hjemtagelser"
        l.bringHomeIntro = "Borgere i eksterne tilbud, der er åbne for at flytte, og den mulige årlige besparelse ifølge seneste matchkørsel."
        l.tableBringHomeTotal = "Hjemtagelser i alt"
        l.columnCandidates = "Kandidater (antal)"
        l.columnWithProposal = "Med forslag om hjemtagelse (antal)"
        l.columnPossibleSaving = "Mulig besparelse (kr./år)"
        l.columnCurrentResidence = "Nuværende tilbud"
        l.columnProposedOwn = "Foreslået eget tilbud"
        l.emptyBringHome = "Ingen borgere i eksterne tilbud er åbne for at flytte."

        l.sectionNorms = "Ventetid over normerne"
        l.normsIntro = "Kommunen har pligt til at levere den bevilgede indsats; lang ventetid er et advarselstegn. Ventetid søndag efter ydelse."
        l.normName = { days in
            if days % 7 == 0 { return "\(days / 7) \(days == 7 ? "uge" : "uger") (\(days) dage)" }
            if let m = Labels.months(days) { return "\(m) \(m == 1 ? "måned" : "måneder") (\(days) dage)" }
            return "\(days) dage"
        }
        l.columnOverNorm = { "Over \($0) (antal)" }
        l.columnLongestWait = "Længste ventetid (dage)"
        l.columnPastDeadline = "Over fristen (antal)"
        l.emptyNorms = "Ingen borgere venter."

        l.sectionDeclines = "Afslag i ugen"
        l.tableDeclineReasons = "Afslag efter årsag"
        l.columnReason = "Årsag"
        l.columnDeclines = "Afslag (antal)"
        l.reasonCitizen = "Borgeren har sagt nej"
        l.reasonProvider = "Tilbuddet har sagt nej"
        l.reasonNeedChanged = "Behovet er ændret"
        l.reasonOther = "Anden årsag"
        l.columnDate = "Dato"
        l.columnNote = "Bemærkning"
        l.emptyDeclines = "Ingen afslag i ugen."

        l.sectionChanges = "Ændringer i ugen"
        l.tableChangeCounts = "Ændringer efter type"
        l.columnChangeKind = "Ændring"
        l.changeReferred = "Henvist"
        l.changePlaced = "Placeret"
        l.changeMoved = "Flyttet"
        l.changeMovedHome = "heraf hjemtaget"
        l.changeLeft = "Fraflyttet"
        l.columnFrom = "Fra"
        l.columnTo = "Til"
        l.emptyChanges = "Ingen ændringer i ugen."

        l.definitionsTitle = "Definitioner"
        l.definitions = { norms in [
            "Ugen er mandag til søndag (ISO 8601-uger). »Ved udgangen af ugen« betyder søndag: ophold med start på eller før søndag og slut efter søndag, og ventetider, der er åbne søndag.",
            "Ventetid er antal dage fra henvisning til søndag. Medianen af et lige antal ventetider er gennemsnittet af de to midterste. Nye henvisninger er ventetider, der starter i ugen.",
            "Placeringer er ophold, der starter i ugen (flytninger medregnet), i egne eller eksterne tilbud efter driftsherre. Hjemtagelser er ophold i egne tilbud, der starter i ugen, hvor borgerens forrige ophold (som slutter samme dag) var eksternt.",
            "Flyttet: et nyt ophold, hvor borgeren havde et andet ophold, der sluttede samme dag. Fraflyttet: et ophold, der slutter i ugen, uden et nyt ophold samme dag. Placeret: et nyt ophold uden et forrige ophold samme dag.",
            "Egne pladser er pladserne i egne botilbud. En plads er optaget, når et ophold dækker dagen (et ophold uden borger er en borger udefra), ellers reserveret eller lukket efter pladsens markering, ellers ledig. Optaget + ledig + reserveret + lukket = pladser, og tallene stemmer med »placement status« for søndagen.",
            "Tomgangsdøgn er for hver egen plads og hver dag i ugen de dage, pladsen er ledig. Tomgangsudgiften er tomgangsdøgn × botilbuddets døgntakst.",
            "Forenkling: markeringerne reserveret og lukket, døgntaksterne og listen over pladser er de nuværende og gælder for hele historikken; botilbuddenes åbnings- og lukkedatoer indgår ikke.",
            "Eksterne placeringer er ophold i tilbud med en anden driftsherre søndag. Årlig udgift = døgntakst × 365, hvor døgntaksten er opholdets egen, ellers borgerens aftalte, ellers tilbuddets. Særligt dyre enkeltsager koster over 2 mio. kr. om året.",
            "Aktuelt forslag er borgerens række i den seneste matchkørsel (ikke en genkørsel) med opgørelsesdato senest søndag. Mulige hjemtagelser er borgere i eksterne tilbud søndag, der er åbne for at flytte; besparelsen er fra samme kørsels forslag om hjemtagelse.",
            "Ventetidsnormer: \(norms) (politikken wait_norm_days). En borger er over normen, når ventetiden søndag er længere end normen.",
            "Borgernes ydelse, målgruppe, støtteniveau og hastegrad er de nuværende oplysninger. Borgere vises kun med pseudonym, aldrig med CPR-nummer. Alle beløb er beregnet eksakt i øre og afrundes først ved visning.",
        ] }

        l.sectionRevised = "Ændret siden første udgave"
        l.revisedIntro = { "Rapporten for ugen blev første gang lavet \($0). Senere import har ændret disse tal; første udgave og nu:" }
        l.columnFirstProduced = "Første udgave"
        l.columnNow = "Nu"
        l.summaryNorms = "Ventetid over normen"
        l.summaryPastDeadline = "Over fristen (senest)"
        l.followUpTitle = "Venter over fristen eller normen"
        l.followUpLine = { citizen, days, deadline, over, norm in
            var s = "\(citizen) venter \(days) dage"
            if let deadline { s += ", senest \(deadline)" + (over.map { " (\($0) dage over)" } ?? "") }
            if let norm { s += ", ud over \(norm)" }
            return s
        }
        l.summaryOverNorm = { "\($0) over \($1)" }
        l.summaryExpensive = "Særligt dyre enkeltsager"
        l.summaryExpensiveLine = { "\($0) sager, i alt \($1) om året" }
        l.summaryBringHome = "Mulige hjemtagelser"
        l.summaryBringHomeLine = { "\($0) borgere åbne for at flytte, \($1) med forslag, mulig besparelse \($2) om året" }
        l.summaryDeclines = "Afslag"
        l.summaryChanges = "Ændringer"
        l.summaryNone = "ingen"
        l.perYear = "om året"
        return l
    }()

    /// Whole months when `days` is within a day of them (183 days ≈ 6 months).
    static func months(_ days: Int) -> Int? {
        let m = Int((Double(days) / 30.4375).rounded())
        guard m >= 1, abs(Double(m) * 30.4375 - Double(days)) <= 1 else { return nil }
        return m
    }
}
