import Hummingbird
import PlacementModel

/// What a request knows once the middleware has looked at it: the session (if logged in),
/// the page language, and the submitted form (already checked against the session's CSRF
/// token).
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var session: Session?
    var token: String?
    var language: Language = .da
    var form = FormData()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Uploads of planners' exports can be large (a national waiting list).
    public var maxUploadSize: Int { 64 * 1024 * 1024 }

    var words: Words { Words(language) }

    /// The day in a form's date field (`Parts.dateField`): dd-mm-yyyy or ISO, within the days
    /// a plan or report can be made for; nil when absent or not such a day.
    func day(_ name: String) -> Day? {
        Day(written: form[name] ?? "").flatMap { $0.isSupported ? $0 : nil }
    }

    /// The logged-in user allowed `action`; else 403 (the middleware has already sent the
    /// unauthenticated to the login page).
    func require(_ action: Permission) throws -> Session {
        guard let session else { throw HTTPError(.unauthorized) }
        guard session.user.role.may(action) else { throw HTTPError(.forbidden, message: words("Din rolle må ikke dette.", "Your role may not do this.")) }
        return session
    }
}
