using System.Diagnostics;
using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Search;

/// <summary>
/// SQLite's search index: one FTS5 trigram table per searched table, keyed by the row's rowid and kept current by
/// triggers. It lives outside the EF migrations on purpose: a migration that rebuilds a table (SQLite's way to alter
/// a column) drops its triggers and may renumber its rows. So at every start the index is checked — all tables and
/// triggers present, built after the newest migration and for today's columns — and rebuilt from the data when not.
/// </summary>
public static class SqliteSearchIndex
{
    private const string StateTable = "SearchIndexState";

    // Raise when SearchTables changes its columns: an index built by an older shape is then built again.
    private const string Shape = "1";

    public static async Task EnsureAsync(AppDbContext db, ILogger? log = null, CancellationToken ct = default)
    {
        if (!db.IsSqlite)
        {
            return; // PostgreSQL's trigram indexes are ordinary indexes, made by a migration
        }
        var migration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault() + "#" + Shape;
        var names = SearchTable.All.SelectMany(Names).Append(StateTable).ToList();
        var expected = names.Count;
        // Our own constant names, no input.
        var count = "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name IN ("
            + string.Join(", ", names.Select(n => $"'{n}'")) + ")";
        var present = await db.Database.SqlQueryRaw<int>(count).SingleAsync(ct);
        var builtAt = present == expected
            ? await db.Database.SqlQueryRaw<string>(
                $"SELECT \"Migration\" AS \"Value\" FROM \"{StateTable}\"").FirstOrDefaultAsync(ct)
            : null;
        if (present == expected && builtAt == migration)
        {
            return;
        }
        var sw = Stopwatch.StartNew();
        await RebuildAsync(db, migration, ct);
        log?.LogInformation("Search index rebuilt in {Ms:F0} ms", sw.Elapsed.TotalMilliseconds);
    }

    /// <summary>Drops and makes the index again from the data (the CLI's <c>search reindex</c>).</summary>
    public static async Task RebuildAsync(AppDbContext db, string? migration = null, CancellationToken ct = default)
    {
        migration ??= (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault() + "#" + Shape;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var sql in Statements(migration))
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
        await tx.CommitAsync(ct);
    }

    private static IEnumerable<string> Names(SearchTable t) =>
        [t.Fts, $"{t.Fts}_ai", $"{t.Fts}_ad", $"{t.Fts}_au"];

    private static IEnumerable<string> Statements(string migration)
    {
        yield return $"CREATE TABLE IF NOT EXISTS \"{StateTable}\" (\"Migration\" TEXT NOT NULL)";
        yield return $"DELETE FROM \"{StateTable}\"";
        foreach (var t in SearchTable.All)
        {
            var names = string.Join(", ", t.Columns.Select(c => $"\"{c.Name}\""));
            string Values(string row) => string.Join(", ", t.Columns.Select(c => c.Of(row)));
            var insert = $"INSERT INTO \"{t.Fts}\"(rowid, {names})";
            var delete = $"DELETE FROM \"{t.Fts}\" WHERE rowid = old.rowid;";
            var reads = string.Join(", ", t.Reads.Select(r => $"\"{r}\""));
            yield return $"DROP TABLE IF EXISTS \"{t.Fts}\"";
            yield return $"CREATE VIRTUAL TABLE \"{t.Fts}\" USING fts5({names}, tokenize = 'trigram')";
            yield return $"{insert} SELECT r.rowid, {Values("r")} FROM \"{t.Table}\" r";
            yield return $"DROP TRIGGER IF EXISTS \"{t.Fts}_ai\"";
            yield return $"DROP TRIGGER IF EXISTS \"{t.Fts}_ad\"";
            yield return $"DROP TRIGGER IF EXISTS \"{t.Fts}_au\"";
            yield return $"CREATE TRIGGER \"{t.Fts}_ai\" AFTER INSERT ON \"{t.Table}\" BEGIN "
                + $"{insert} VALUES (new.rowid, {Values("new")}); END";
            yield return $"CREATE TRIGGER \"{t.Fts}_ad\" AFTER DELETE ON \"{t.Table}\" BEGIN {delete} END";
            yield return $"CREATE TRIGGER \"{t.Fts}_au\" AFTER UPDATE OF {reads} ON \"{t.Table}\" BEGIN "
                + $"{delete} {insert} VALUES (new.rowid, {Values("new")}); END";
        }
        yield return $"INSERT INTO \"{StateTable}\" VALUES ('{migration.Replace("'", "''")}')";
    }
}
