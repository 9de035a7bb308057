using System.Data.Common;
using System.Diagnostics;
using LeadAgent.Bench;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

// Release harness for the CRM core targets (issue 2):
//   lead list, 100k leads, status+owner+score range sorted by score: p95 < 20 ms per page (SQLite and PostgreSQL),
//   bulk status change of 50,000 matching leads with audit entries: < 5 s on SQLite.
// Each figure is printed with the ratio to the same work done in raw SQL in the same run.
// Issue 3: CSV export and import (ExportBench, ImportBench), duplicate detection over 100k companies (DuplicateBench).
// Issue 4: webhook ingestion over HTTP (WebhookBench), the inbox list over 100k conversations / 1M messages
// (InboxListBench).
// Issue 13: the lead list under load over HTTP, with /healthz meanwhile (LoadBench).
// Usage: dotnet run -c Release --project bench/LeadAgent.Bench -- [sqlite|postgres|both] [leads]
//        [list,export,bulk,load,import,dupes,webhooks,inbox,rescore,today]
// Issue 15: rescoring every lead after a weights change (RescoreBench), the Today page over 100k leads planned by
// PlanAsync (TodayBench).
// Issue 16: the global search behind the Ctrl+K palette over 100k leads (SearchBench).
// Issue 14 (no database): dotnet run -c Release --project bench/LeadAgent.Bench -- discovery [extract,crawl]
// Issue 15 (no database): dotnet run -c Release --project bench/LeadAgent.Bench -- classify
if (args.FirstOrDefault() == "classify")
{
    ClassifyBench.Run();
    return;
}
if (args.FirstOrDefault() == "discovery")
{
    var parts = args.Length > 1 ? args[1].Split(',') : ["extract", "crawl"];
    if (parts.Contains("extract"))
    {
        ExtractionBench.Run();
    }
    if (parts.Contains("crawl"))
    {
        await CrawlBench.RunAsync();
    }
    return;
}
// Issue 16 (a real Chromium against the published app): dotnet run -c Release --project bench/LeadAgent.Bench -- ui
if (args.FirstOrDefault() == "ui")
{
    await UiBench.RunAsync();
    return;
}
// Issue 15 (in memory): dotnet run -c Release --project bench/LeadAgent.Bench -- lookalikes
if (args.FirstOrDefault() == "lookalikes")
{
    LookalikeBench.Run();
    return;
}
var which = args.FirstOrDefault() ?? "both";
var leadCount = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var benches = args.Length > 2
    ? args[2].Split(',')
    : ["list", "export", "bulk", "load", "import", "dupes", "webhooks", "inbox", "rescore", "today", "search"];
var providers = which switch
{
    "sqlite" => [DatabaseProvider.Sqlite],
    "postgres" => [DatabaseProvider.Postgres],
    _ => new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres },
};

foreach (var provider in providers)
{
    Console.WriteLine($"== {provider}: {leadCount:N0} leads ==");
    if (benches.Intersect(["list", "export", "bulk", "load"]).Any())
    {
        var database = await BenchDatabase.CreateAsync(provider);
        var sw = Stopwatch.StartNew();
        var owners = await Seed.RunAsync(database, leadCount);
        Console.WriteLine($"seeded in {sw.Elapsed.TotalSeconds:F1} s");
        if (benches.Contains("list"))
        {
            await ListBench.RunAsync(database, owners);
        }
        if (benches.Contains("export"))
        {
            await ExportBench.RunAsync(database);
        }
        if (benches.Contains("load"))
        {
            await LoadBench.RunAsync(database, owners);
        }
        if (benches.Contains("bulk"))
        {
            await BulkBench.RunAsync(database);
        }
    }
    if (benches.Contains("import"))
    {
        await ImportBench.RunAsync(provider, leadCount);
    }
    if (benches.Contains("dupes"))
    {
        await DuplicateBench.RunAsync(provider, leadCount);
    }
    if (benches.Contains("webhooks"))
    {
        // 20,000 events per 100,000 leads of the run's size.
        await WebhookBench.RunAsync(provider, Math.Max(1000, leadCount / 5));
    }
    if (benches.Contains("inbox"))
    {
        await InboxListBench.RunAsync(provider, leadCount);
    }
    if (benches.Contains("rescore"))
    {
        await RescoreBench.RunAsync(provider, leadCount);
    }
    if (benches.Contains("today"))
    {
        await TodayBench.RunAsync(provider, leadCount);
    }
    if (benches.Contains("search"))
    {
        await SearchBench.RunAsync(provider, leadCount);
    }
}

internal static class ListBench
{
    private const int Iterations = 300;

    public static async Task RunAsync(BenchDatabase database, List<string> owners)
    {
        var app = new Stats("app: first page (no total)");
        var appNext = new Stats("app: next page via cursor");
        var appTotal = new Stats("app: first page + total count");
        var raw = new Stats("raw SQL: first page");
        var rnd = new Random(7);
        var statuses = Enum.GetValues<LeadStatus>();
        for (var i = 0; i < Iterations + 20; i++)
        {
            var status = statuses[rnd.Next(statuses.Length)];
            var owner = owners[rnd.Next(owners.Count)];
            var min = rnd.Next(0, 60);
            var filter = new LeadFilter { Status = [status], Owner = owner, ScoreMin = min, ScoreMax = min + 40 };
            var warm = i < 20;
            var page = await Measure(warm ? null : app, () => Page(database, filter, null, false));
            if (page.NextCursor is { } cursor)
            {
                await Measure(warm ? null : appNext, () => Page(database, filter, cursor, false));
            }
            await Measure(warm ? null : appTotal, () => Page(database, filter, null, true));
            var rows = await Measure(warm ? null : raw, () => RawAsync(database, status, owner, min, min + 40));
            if (rows != page.Items.Count)
            {
                throw new InvalidOperationException($"raw and app disagree: {rows} vs {page.Items.Count}");
            }
        }
        foreach (var s in new[] { app, appNext, appTotal, raw })
        {
            Console.WriteLine(s);
        }
        Console.WriteLine($"lead list p95 ratio app/raw: {app.P(0.95) / raw.P(0.95):F2}  "
            + $"(target p95 < 20 ms: {(app.P(0.95) < 20 ? "met" : "MISSED")})");
    }

    private static async Task<T> Measure<T>(Stats? stats, Func<Task<T>> f) =>
        stats is null ? await f() : await stats.TimeAsync(f);

    private static async Task<LeadAgent.Web.Infrastructure.Api.Page<LeadRow>> Page(
        BenchDatabase database, LeadFilter filter, string? cursor, bool total)
    {
        await using var db = database.CreateDbContext();
        return await LeadQueries.PageAsync(db, filter, "-score", 50, cursor,
            total ? LeadAgent.Web.Infrastructure.Api.Totals.Exact : LeadAgent.Web.Infrastructure.Api.Totals.None,
            10_000, null, null, CancellationToken.None);
    }

    public static async Task<int> RawAsync(BenchDatabase database, LeadStatus status, string owner, int min, int max)
    {
        await using var db = database.CreateDbContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            SELECT l."Id", l."Title", l."Status", l."OwnerId", u."DisplayName", u."Email", l."Source", l."Score",
                   l."Classification", l."ExpectedValue", l."Currency", l."NextActionOn", l."CompanyId", c."Name",
                   c."Segment", c."Country", l."PrimaryContactId", p."FirstName", p."LastName", l."Tags", l."CreatedAt",
                   l."UpdatedAt", l."ArchivedAt", l."Version"
            FROM "Leads" l
            JOIN "Companies" c ON c."Id" = l."CompanyId"
            LEFT JOIN "AspNetUsers" u ON u."Id" = l."OwnerId"
            LEFT JOIN "Contacts" p ON p."Id" = l."PrimaryContactId"
            WHERE l."ArchivedAt" IS NULL AND l."Status" = @s AND l."OwnerId" = @o
              AND l."Score" >= @min AND l."Score" <= @max
            ORDER BY l."Score" DESC, l."Id" DESC
            LIMIT 51
            """;
        Add(cmd, "@s", status.ToString());
        Add(cmd, "@o", owner);
        Add(cmd, "@min", min);
        Add(cmd, "@max", max);
        var n = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            n++;
        }
        return Math.Min(n, 50);
    }

    internal static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}

internal static class BulkBench
{
    public static async Task RunAsync(BenchDatabase database)
    {
        var service = new BulkUpdateLeads(database);
        var sw = Stopwatch.StartNew();
        var result = await service.RunAsync(
            new BulkRequest(new LeadSelection(null, new LeadFilter { Status = [LeadStatus.New] }),
                new BulkAction(BulkActionKind.SetStatus, LeadStatus.Contacted)),
            null, CancellationToken.None);
        var app = sw.Elapsed;

        // Raw baseline: the same change back, with the same audit rows, as two set-based statements in one transaction.
        sw.Restart();
        await using (var db = database.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var batch = Guid.NewGuid();
            var now = DateTime.UtcNow;
            var conn = db.Database.GetDbConnection();
            await using var insert = conn.CreateCommand();
            insert.Transaction = tx.GetDbTransaction();
            insert.CommandText = """
                INSERT INTO "ActivityLog" ("OccurredAt", "ActorKind", "ActorName", "Action", "EntityType", "EntityId",
                                           "EntityLabel", "Changes", "BatchId")
                SELECT @now, 'User', 'bench', 'bulk-update', 'Lead', "Id", "Title",
                       '{"status":{"from":"' || "Status" || '","to":"New"}}', @batch
                FROM "Leads"
                WHERE "Status" = 'Contacted' AND "Id" IN (SELECT "EntityId" FROM "ActivityLog" WHERE "BatchId" = @prev)
                """;
            ListBench.Add(insert, "@now", now);
            ListBench.Add(insert, "@batch", Key(database, batch));
            ListBench.Add(insert, "@prev", Key(database, result.BatchId));
            var logged = await insert.ExecuteNonQueryAsync();
            await using var update = conn.CreateCommand();
            update.Transaction = tx.GetDbTransaction();
            update.CommandText = """
                UPDATE "Leads"
                SET "Status" = 'New', "Version" = "Version" + 1, "UpdatedAt" = @now, "StatusChangedAt" = @now
                WHERE "Id" IN (SELECT "EntityId" FROM "ActivityLog" WHERE "BatchId" = @batch)
                """;
            ListBench.Add(update, "@now", now);
            ListBench.Add(update, "@batch", Key(database, batch));
            var updated = await update.ExecuteNonQueryAsync();
            await tx.CommitAsync();
            if (logged != result.Changed || updated != result.Changed)
            {
                throw new InvalidOperationException(
                    $"raw baseline touched {updated}/{logged} rows, app {result.Changed}");
            }
        }
        var raw = sw.Elapsed;
        Console.WriteLine($"bulk status change: {result.Changed:N0} leads + audit entries: "
            + $"app {app.TotalSeconds:F2} s, raw SQL {raw.TotalSeconds:F2} s, ratio {app / raw:F2}"
            + $"  (target < 5 s: {(app.TotalSeconds < 5 ? "met" : "MISSED")})");
    }

    // SQLite stores GUIDs as upper-case text; PostgreSQL has a uuid type.
    private static object Key(BenchDatabase database, Guid id) =>
        database.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
}
