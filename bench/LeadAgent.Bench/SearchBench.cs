using System.Data.Common;
using System.Diagnostics;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Bench;

/// <summary>
/// Issue 16 target: "search p95 ≤ 100 ms on 100,000 leads". Seeds the Today bench's workspace (100,000 leads and
/// contacts, 20,000 companies, a third of the contacts in conversations), then times <see cref="GlobalSearch"/> — what
/// the Ctrl+K palette and <c>GET /api/v1/search</c> run — over a mix of what people type (a name part, an e-mail, a
/// domain, message text, digits, a word found nowhere), next to raw SQL doing the same four substring scans.
/// </summary>
internal static class SearchBench
{
    private const int Iterations = 300;

    private static readonly string[] Queries =
        ["company 0123", "person 4567", "lead 09", "person77@", "company42.example", "quote", "zzqx", "4915"];

    public static async Task RunAsync(DatabaseProvider provider, int leadCount)
    {
        var database = await BenchDatabase.CreateAsync(provider, "search");
        var sw = Stopwatch.StartNew();
        await TodayBench.SeedAsync(database, leadCount, DateTime.UtcNow);
        await using (var db = database.CreateDbContext())
        {
            var index = Stopwatch.StartNew();
            await SqliteSearchIndex.RebuildAsync(db); // what a start does when the index is missing or older
            Console.WriteLine(provider == DatabaseProvider.Sqlite
                ? $"search on {provider}: FTS5 trigram index rebuilt in {index.Elapsed.TotalSeconds:F1} s" : "");
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "ANALYZE" : "VACUUM ANALYZE");
        }
        Console.WriteLine($"search on {provider}: seeded {leadCount:N0} leads in {sw.Elapsed.TotalSeconds:F1} s");

        var app = new Stats("app: GlobalSearch, 5 per kind");
        var raw = new Stats("raw SQL: the four substring scans");
        var perQuery = Queries.ToDictionary(q => q, _ => new Stats(""));
        for (var i = 0; i < Iterations + Queries.Length; i++)
        {
            var warm = i < Queries.Length;
            var q = Queries[i % Queries.Length];
            var sample = Stopwatch.StartNew();
            await new GlobalSearch(database).FindAsync(q, null, CancellationToken.None);
            var ms = sample.Elapsed.TotalMilliseconds;
            if (!warm)
            {
                app.Add(ms);
                perQuery[q].Add(ms);
            }
            sample.Restart();
            await RawAsync(database, q);
            if (!warm)
            {
                raw.Add(sample.Elapsed.TotalMilliseconds);
            }
        }
        Console.WriteLine($"  {app}   target p95 ≤ 100 ms: {(app.P(0.95) <= 100 ? "met" : "MISSED")}");
        Console.WriteLine($"  {raw}   ratio p95 {app.P(0.95) / raw.P(0.95):F1}x");
        Console.WriteLine("  p95 ms by query: "
            + string.Join(", ", perQuery.Select(p => $"“{p.Key}” {p.Value.P(0.95):F1}")));
    }

    private static async Task RawAsync(BenchDatabase database, string q)
    {
        await using var db = database.CreateDbContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        string[] sql =
        [
            """SELECT "Id", "Name" FROM "Companies" WHERE lower("Name") LIKE @q OR "Domain" LIKE @q LIMIT 5""",
            """SELECT "Id", "FirstName" FROM "Contacts" WHERE lower("FirstName") LIKE @q LIMIT 5""",
            """SELECT "Id", "Title" FROM "Leads" WHERE lower("Title") LIKE @q LIMIT 5""",
            """SELECT "Id", "DisplayName" FROM "Conversations" WHERE lower("DisplayName") LIKE @q LIMIT 5""",
        ];
        foreach (var text in sql)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = text;
            var p = cmd.CreateParameter();
            p.ParameterName = "@q";
            p.Value = $"%{q}%";
            cmd.Parameters.Add(p);
            await using DbDataReader reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        }
    }
}
