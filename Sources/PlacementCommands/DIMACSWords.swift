import FlowSolver
import PlacementModel

/// The Danish words for what `placement solve` finds wrong in a DIMACS file. FlowSolver keeps
/// no language but English (it has no domain and no user); it names each problem as a value
/// (`DIMACSProblem`) so that the command can say it in the user's language. Counts in Danish
/// number format; the DIMACS keywords (`p min`, `a`, `n`) are the format's own and stay.
extension DIMACSField {
    var danish: String {
        switch self {
        case .nodeCount: "antallet af knuder"
        case .arcCount: "antallet af buer"
        case .nodeID: "knudenummeret"
        case .supply: "udbuddet"
        case .arcTail: "buens startknude"
        case .arcHead: "buens slutknude"
        case .lowerBound: "den nedre grænse"
        case .capacity: "kapaciteten"
        case .cost: "omkostningen"
        }
    }
}

extension DIMACSProblem {
    var danish: String {
        let n = DisplayFormat(.da)
        return switch self {
        case .missingProblemLine:
            "problemlinjen `p min KNUDER BUER` mangler"
        case .arcCountDiffers(let declared, let found):
            "problemlinjen angiver \(n.integer(declared)) buer, men der følger \(n.integer(found)) `a`-linjer"
        case .unknownLineType(let token):
            "ukendt linjetype \"\(token)\"; forventet c, p, n eller a"
        case .duplicateProblemLine(let first):
            "problemlinjen står to gange (første gang i linje \(n.integer(first)))"
        case .problemTypeMissing:
            "problemlinjen mangler typen `min`"
        case .problemTypeNotMin(let type):
            "problemtypen \"\(type)\" er ikke `min`"
        case .countOutOfRange(let field, let value):
            "\(field.danish) \(n.integer(value)) er uden for det tilladte"
        case .arcsBeyondFile(let arcs, let bytesAfter, let lineBytes, let room):
            "problemlinjen angiver \(n.integer(arcs)) buer, flere end de \(n.integer(bytesAfter)) byte efter den kan rumme "
                + "(en `a`-linje fylder mindst \(n.integer(lineBytes)) byte; højst \(n.integer(room)))"
        case .nodesBeyondFile(let nodes, let bytes, let room):
            "problemlinjen angiver \(n.integer(nodes)) knuder, flere end en fil på \(n.integer(bytes)) byte kan bruge "
                + "(højst \(n.integer(room)))"
        case .beforeProblemLine(let type):
            "en `\(type)`-linje før problemlinjen"
        case .supplyGivenTwice(let node, let first):
            "knude \(n.integer(node)) har allerede et udbud (linje \(n.integer(first)))"
        case .moreArcsThanDeclared(let declared):
            "flere `a`-linjer end de \(n.integer(declared)) buer, problemlinjen angiver"
        case .notANode(let field, let value, let count):
            "\(field.danish) \(n.integer(value)) er ikke en knude i 1...\(n.integer(count))"
        case .missing(let field):
            "\(field.danish) mangler"
        case .notAnInteger(let field, let token):
            "\(field.danish) \"\(token)\" er ikke et heltal"
        case .beyond64Bits(let field, let token):
            "\(field.danish) \"\(token)\" er for stort til 64 bit"
        case .unexpectedAtEnd(let token):
            "uventet \"\(token)\" sidst på linjen"
        }
    }
}

extension DIMACSError {
    /// The reader's finding in Danish: its problem when it has one, else its English sentence
    /// (an error made from a sentence alone has nothing more to word).
    var danish: String { "linje \(DisplayFormat(.da).integer(line)): \(problem?.danish ?? message)" }
}
