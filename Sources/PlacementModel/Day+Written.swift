import Foundation

extension Day {
    /// A day as a person writes it: `yyyy-mm-dd` (ISO), or day first as Danes write it,
    /// `dd-mm-yyyy`, `d.m.yyyy` or `dd/mm/yyyy`. The command line's dates and the web app's
    /// date fields both read through here.
    public init?(written text: some StringProtocol) {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let d = Day(iso: text) { self = d; return }
        let p = text.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" })
        guard p.count == 3, p[2].count == 4, (1...2).contains(p[0].count), (1...2).contains(p[1].count),
              let d = Int(p[0]), let m = Int(p[1]), let y = Int(p[2]),
              let day = Day(year: y, month: m, day: d) else { return nil }
        self = day
    }
}
