namespace DataIp.Data.Search;

/// <summary>
/// The FTS5 table through which SQLite searches <see cref="SearchEntry.Terms"/>: each row's terms,
/// space-joined, under the row's <see cref="SearchEntry.Id"/> as rowid, kept by triggers on
/// <c>SearchEntries</c>. The <c>ascii</c> tokenizer only splits at spaces and ASCII punctuation,
/// which no term contains (terms are letters, digits and marks), and folds nothing but ASCII case,
/// which the terms are already folded for: <c>SearchTerms</c> alone decides what a term is.
/// </summary>
public static class SqliteSearchText
{
    /// <summary>The statements that create the table and its triggers (in the SearchIndex migration).</summary>
    public const string Create = """
        CREATE VIRTUAL TABLE "SearchText" USING fts5("Terms", tokenize = 'ascii');
        CREATE TRIGGER "SearchEntries_Inserted" AFTER INSERT ON "SearchEntries" BEGIN
            INSERT INTO "SearchText"(rowid, "Terms") VALUES (new."Id", (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new."Terms")));
        END;
        CREATE TRIGGER "SearchEntries_Updated" AFTER UPDATE OF "Terms" ON "SearchEntries" BEGIN
            UPDATE "SearchText" SET "Terms" = (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new."Terms")) WHERE rowid = new."Id";
        END;
        CREATE TRIGGER "SearchEntries_Deleted" AFTER DELETE ON "SearchEntries" BEGIN
            DELETE FROM "SearchText" WHERE rowid = old."Id";
        END;
        """;

    /// <summary>The statements that drop them.</summary>
    public const string Drop = """
        DROP TRIGGER IF EXISTS "SearchEntries_Deleted";
        DROP TRIGGER IF EXISTS "SearchEntries_Updated";
        DROP TRIGGER IF EXISTS "SearchEntries_Inserted";
        DROP TABLE IF EXISTS "SearchText";
        """;
}
