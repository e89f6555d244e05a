import Hummingbird
import PlacementMatching
import PlacementStore

/// A refusal or failure shown as a page in the shell, in the user's language, with no
/// internal detail and no personal data.
enum ErrorPage {
    static func render(_ ctx: WebContext, status: HTTPResponse.Status, message: String?) -> Response {
        let t = ctx.words
        let title: String
        switch status.code {
        case 403: title = t("Ikke tilladt", "Not allowed")
        case 404: title = t("Ikke fundet", "Not found")
        case 429: title = t("For mange forsøg", "Too many attempts")
        case 400: title = t("Forkert forespørgsel", "Bad request")
        case 409, 503: title = t("Prøv igen om lidt", "Try again shortly")
        default: title = t("Noget gik galt", "Something went wrong")
        }
        let text = message ?? (status.code == 404 ? t("Siden findes ikke.", "There is no such page.") : t("Forespørgslen kunne ikke gennemføres.", "The request could not be completed."))
        return Page.html(ctx, title: title, path: "/", status: status, [
            Parts.notice(text, kind: "error"),
            Node.el("p", [], [Parts.link(t("Til overblikket", "To the overview"), "/")]),
        ])
    }

    /// A sentence for an error from the engines or the store: those carry their own words.
    static func describe(_ error: any Error, _ t: Words) -> String {
        switch error {
        case let busy as DatabaseBusy: return busy.description
        case let e as AccountError: return e.description
        case let e as MatchRuns.RunError: return e.description
        case let e as StoreError: return e.description
        default: return t("Handlingen kunne ikke gennemføres; databasen er uændret.", "The action could not be completed; the database is unchanged.")
        }
    }
}
