import Foundation

/// The one JSON setup of the machine-readable outputs (the plan, the equity audit, the replay
/// and the commands' `--json`): indented, keys sorted, slashes as they are, so the same input
/// gives the same bytes.
public enum JSONOutput {
    /// `snakeCase`: property names in `snake_case`. Off where a dictionary's keys are data
    /// (residence ids), which the key strategy would rewrite too.
    public static func encoder(snakeCase: Bool = true) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if snakeCase { e.keyEncodingStrategy = .convertToSnakeCase }
        return e
    }

    /// The value as JSON text. The outputs are numbers, strings, Bools and lists of them:
    /// encoding them cannot fail, so a failure is a programmer's error and shows as `{}`.
    public static func text(_ value: some Encodable, snakeCase: Bool = true) -> String {
        String(decoding: (try? encoder(snakeCase: snakeCase).encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
