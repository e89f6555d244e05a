import Foundation
import Hummingbird
import PlacementModel

/// The one page shell: header with the user and the language switch, navigation, main
/// content. Every page is rendered through it, with the app's own CSS and script only.
enum Page {
    struct Tab {
        let path: String
        let danish: String
        let english: String
        let needs: Permission
    }

    static let tabs = [
        Tab(path: "/", danish: "Overblik", english: "Overview", needs: .look),
        Tab(path: "/waiting", danish: "Venteliste", english: "Waiting list", needs: .look),
        Tab(path: "/match", danish: "Match", english: "Match", needs: .look),
        Tab(path: "/residences", danish: "Tilbud og pladser", english: "Residences and places", needs: .look),
        Tab(path: "/import", danish: "Import", english: "Import", needs: .plan),
        Tab(path: "/reports/weekly", danish: "Ugerapport", english: "Weekly report", needs: .look),
        Tab(path: "/plan", danish: "Kapacitetsplan", english: "Capacity plan", needs: .look),
        Tab(path: "/policy", danish: "Politik", english: "Policy", needs: .look),
        Tab(path: "/audit", danish: "Revisionslog", english: "Audit log", needs: .look),
        Tab(path: "/users", danish: "Brugere", english: "Users", needs: .administer),
    ]

    /// `refresh`: seconds after which a browser without script reloads the page (a plan running).
    static func html(_ ctx: WebContext, title: String, path: String, status: HTTPResponse.Status = .ok, refresh: Int? = nil,
                     _ content: [Node]) -> Response {
        let t = ctx.words
        var header: [Node] = [Node.el("a", [("class", "brand"), ("href", "/")], t("Placering · kapacitet og visitation", "Placement · capacity and placement"))]
        let other: Language = ctx.language == .da ? .en : .da
        var tools: [Node] = [Node.el("a", [("href", "/lang/\(other.rawValue)?back=\(escapeQuery(path))"), ("lang", other.rawValue)],
                                     other == .da ? "Dansk" : "English")]
        var nav: [Node] = []
        if let s = ctx.session {
            tools.append(Node.el("span", [("class", "who")], "\(s.user.name) · \(s.user.role.name(t))"))
            tools.append(Parts.form(action: "/logout", csrf: s.csrf, attributes: [("class", "inline")], [Parts.button(t("Log ud", "Log out"), secondary: true)]))
            nav = tabs.filter { s.user.role.may($0.needs) }.map { tab in
                let current = tab.path == "/" ? path == "/" : path.hasPrefix(tab.path)
                return Node.el("li", [], [Node.el("a", [("href", tab.path), ("aria-current", current ? "page" : nil)], t(tab.danish, tab.english))])
            }
        }
        header.append(Node.el("div", [("class", "tools")], tools))
        let page = Node.el("html", [("lang", ctx.language.rawValue)], [
            Node.el("head", [], [
                Node.el("meta", [("charset", "utf-8")]),
                Node.el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                Node.el("title", [], "\(title) · \(t("Placering", "Placement"))"),
                Node.el("link", [("rel", "stylesheet"), ("href", "/static/app.css")]),
                Node.el("script", [("src", "/static/app.js"), ("defer", "")], []),
                refresh.map { Node.el("noscript", [], [Node.el("meta", [("http-equiv", "refresh"), ("content", String($0))])]) } ?? .empty,
            ]),
            Node.el("body", [], [
                Node.el("a", [("class", "skip"), ("href", "#main")], t("Gå til indhold", "Skip to content")),
                Node.el("header", [("class", "top")], header),
                nav.isEmpty ? .empty : Node.el("nav", [("aria-label", t("Hovedmenu", "Main menu"))], [Node.el("ul", [], nav)]),
                Node.el("main", [("id", "main"), ("class", path == "/login" ? "login-main" : nil)], [Node.el("h1", [], title)] + content),
            ]),
        ])
        return response("<!DOCTYPE html>\n" + page.html, status: status)
    }

    static func response(_ html: String, status: HTTPResponse.Status = .ok, type: String = "text/html; charset=utf-8") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func escapeQuery(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_."))) ?? "/"
    }

    static func redirect(_ to: String) -> Response { Response.redirect(to: to, type: .normal) }
}
