/// The machine-readable outputs built from `Encodable` values (the plan, the equity audit, the
/// replay and the commands' `--json`), written by the one JSON writer (`JSON`), with its key
/// order and its conventions, as the weekly report's JSON is.
public enum JSONOutput {
    /// The value as JSON text. `snakeCase`: property names in `snake_case` (dictionary keys,
    /// which are data such as residence ids, are never rewritten). The outputs are numbers,
    /// strings, Bools and lists of them: encoding them cannot fail, so a failure is a
    /// programmer's error and shows as `{}`.
    public static func text(_ value: some Encodable, snakeCase: Bool = true) -> String {
        ((try? JSONValueEncoder(snakeCase: snakeCase).encode(value)) ?? .object([])).text()
    }
}
