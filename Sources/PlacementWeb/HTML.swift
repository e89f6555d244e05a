import PlacementModel

/// A small typed HTML builder: text is always escaped, attribute values too, so no value
/// from the database or a form can become markup. `Node.trusted` is only for markup this
/// program wrote itself.
struct Node: Sendable {
    let html: String

    static func text(_ s: String) -> Node { Node(html: HTMLText.escape(s)) }
    static func trusted(_ markup: String) -> Node { Node(html: markup) }
    static let empty = Node(html: "")

    /// Elements that have no end tag.
    private static let void: Set<String> = ["input", "meta", "link", "br", "hr", "img"]

    /// `<tag attr="value">children</tag>`; an attribute whose value is nil is left out, one
    /// whose value is "" is written bare (`required`, `checked`).
    static func el(_ tag: String, _ attributes: [(String, String?)] = [], _ children: [Node] = []) -> Node {
        var h = "<\(tag)"
        for (name, value) in attributes {
            guard let value else { continue }
            h += value.isEmpty ? " \(name)" : " \(name)=\"\(HTMLText.escape(value))\""
        }
        h += ">"
        if void.contains(tag) { return Node(html: h) }
        for c in children { h += c.html }
        return Node(html: h + "</\(tag)>")
    }

    static func el(_ tag: String, _ attributes: [(String, String?)] = [], _ text: String) -> Node {
        el(tag, attributes, [.text(text)])
    }

    static func group(_ nodes: [Node]) -> Node { Node(html: nodes.map(\.html).joined()) }
}

/// Pieces that pages share: tables, labelled fields, forms with their CSRF token.
enum Parts {
    /// A table with a caption for screen readers, a header row and rows of cells; columns in
    /// `numeric` are right-aligned. `sortable` lets the page's script sort by a header.
    /// `empty`: the one row shown when there are none (else an empty table reads as broken).
    static func table(caption: String, headers: [String], rows: [[Node]], numeric: Set<Int> = [],
                      sortable: Bool = false, id: String? = nil, empty: String? = nil) -> Node {
        let head = Node.el("tr", [], headers.enumerated().map { i, h in
            Node.el("th", [("scope", "col"), ("class", numeric.contains(i) ? "num" : nil)],
                    sortable ? [Node.el("button", [("type", "button"), ("class", "sort"), ("data-col", String(i))], h)] : [.text(h)])
        })
        var body = rows.map { r in
            Node.el("tr", [], r.enumerated().map { i, c in Node.el("td", [("class", numeric.contains(i) ? "num" : nil)], [c]) })
        }
        if body.isEmpty, let empty {
            body = [Node.el("tr", [], [Node.el("td", [("colspan", String(headers.count)), ("class", "muted")], empty)])]
        }
        return Node.el("div", [("class", "table-wrap")], [
            Node.el("table", [("id", id), ("class", sortable ? "sortable" : nil)], [
                Node.el("caption", [], caption), Node.el("thead", [], [head]), Node.el("tbody", [], body),
            ]),
        ])
    }

    /// A form that changes something: POST, with the session's CSRF token.
    static func form(action: String, csrf: String, attributes: [(String, String?)] = [], _ children: [Node]) -> Node {
        Node.el("form", [("method", "post"), ("action", action)] + attributes,
                [Node.el("input", [("type", "hidden"), ("name", "csrf"), ("value", csrf)])] + children)
    }

    static func field(_ label: String, name: String, type: String = "text", value: String? = nil,
                      required: Bool = false, extra: [(String, String?)] = [], id: String? = nil) -> Node {
        let id = id ?? "f-\(name)"
        return Node.el("div", [("class", "field")], [
            Node.el("label", [("for", id)], label),
            Node.el("input", [("id", id), ("name", name), ("type", type), ("value", value), ("required", required ? "" : nil)] + extra),
        ])
    }

    /// A day as text, not `type="date"`: Chromium draws a date input in the browser's locale
    /// (mm/dd/yyyy on an English system) whatever the page's language. This field shows the
    /// page's format (dd-mm-åååå in Danish, ISO in English) and takes either (`WebContext.day`).
    static func dateField(_ label: String, name: String, day: Day?, _ t: Words, required: Bool = false) -> Node {
        let format = t("dd-mm-åååå", "yyyy-mm-dd")
        return field("\(label) (\(format))", name: name, value: day.map(t.format.date), required: required,
                     extra: [("inputmode", "numeric"), ("autocomplete", "off"), ("size", "11"), ("placeholder", format)])
    }

    static func select(_ label: String, name: String, options: [(value: String, text: String)], selected: String? = nil, id: String? = nil) -> Node {
        let id = id ?? "f-\(name)"
        return Node.el("div", [("class", "field")], [
            Node.el("label", [("for", id)], label),
            Node.el("select", [("id", id), ("name", name)], options.map {
                Node.el("option", [("value", $0.value), ("selected", $0.value == selected ? "" : nil)], $0.text)
            }),
        ])
    }

    static func button(_ text: String, name: String? = nil, value: String? = nil, secondary: Bool = false) -> Node {
        Node.el("button", [("type", "submit"), ("name", name), ("value", value), ("class", secondary ? "secondary" : nil)], text)
    }

    static func link(_ text: String, _ href: String) -> Node { Node.el("a", [("href", href)], text) }

    static func notice(_ text: String, kind: String = "info") -> Node {
        Node.el("p", [("class", "notice \(kind)"), ("role", kind == "error" ? "alert" : "status")], text)
    }
}
