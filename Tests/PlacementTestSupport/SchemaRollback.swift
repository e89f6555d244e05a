/// SQL that takes a database of the current schema back to an older version's shape, for
/// tests of an upgrade step made on a database made new: each later step's additions undone.
public enum SchemaRollback {
    /// Undoes version 12: the partial index of places reserved or closed.
    public static let heldPlaces = "DROP INDEX place_reserved_or_closed;\n"

    /// Undoes version 11: the partial index of citizens with an agreed rate.
    public static let agreedRates = "DROP INDEX citizen_by_agreed_rate;\n"

    /// Undoes version 10: the index of waiting periods by their end.
    public static let waitingByEnd = "DROP INDEX waiting_period_by_end;\n"

    /// Undoes version 9 (bridging): the confirmation column of places, the bridge flag of
    /// stays, the policy key `vacancy_confirm_days` (the policy table's CHECK admitting it is
    /// harmless: the step makes the table anew).
    public static let bridging = """
        ALTER TABLE place DROP COLUMN confirmed_on;
        ALTER TABLE placement DROP COLUMN bridge;
        DELETE FROM policy WHERE key = 'vacancy_confirm_days';
        """

    /// Back to version 6: versions 12, 11, 10, 9 and 8 (past imports, first reports) undone.
    public static let toVersion6 = heldPlaces + agreedRates + waitingByEnd + bridging + """

        DROP TABLE import_record; DROP TABLE report_first;
        PRAGMA user_version = 6;
        """
}
