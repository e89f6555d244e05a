import PlacementModel
import PlacementPlanning

/// The plan as one self-contained, printable HTML file: its document (`PlanDocument`) printed
/// by the report's renderer on the report's page, so the two look alike because they are one.
public enum PlanHTML {
    public static func render(_ plan: PlanResult, language: Language) -> String {
        HTMLReport.render(PlanDocument.build(plan, language: language))
    }
}
