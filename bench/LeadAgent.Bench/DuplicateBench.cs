using System.Diagnostics;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Duplicates;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Bench;

/// <summary>
/// Issue 3 target: duplicate detection over 100,000 companies in under 10 s (blocking, not all pairs). The app's scan
/// (load, block, compare, refresh the queue) is compared with a raw reader over the same columns, the floor of any
/// scan.
/// The companies have realistic names from a word pool (so blocks are uneven, as in life) and 2% planted duplicates:
/// other legal forms, umlaut spellings, a typo, or the same phone.
/// </summary>
internal static class DuplicateBench
{
    private static readonly string[] First =
    [
        "Event", "Messe", "Promo", "Brand", "Stand", "Druck", "Werbe", "Media", "Expo", "Gift", "Müller", "Schröder",
        "Nova", "Alpha", "Blue", "Green", "Royal", "Prime", "Smart", "Urban",
    ];

    private static readonly string[] Second =
    [
        "werk", "bau", "haus", "partner", "service", "concept", "design", "factory", "solutions", "works", "line",
        "point", "stars", "wave", "craft",
    ];

    private static readonly string[] Forms = ["GmbH", "AG", "Ltd", "LLC", "FZ-LLC", "GmbH & Co. KG", "UG", ""];
    private static readonly string[] Countries = ["DE", "AE", "GB", "AT", "US"];
    private static readonly string[] Cities = ["Berlin", "Dubai", "London", "Wien", "Austin", "Hamburg", "Köln"];

    public static async Task RunAsync(DatabaseProvider provider, int count)
    {
        var database = await BenchDatabase.CreateAsync(provider, "dupes");
        var planted = await SeedAsync(database, count);

        // Warm-up on the same data, then the measured scan (the queue already exists, so it is refreshed).
        var service = new DuplicateService(database,
            Microsoft.Extensions.Options.Options.Create(new LeadAgent.Web.Features.Crm.CrmOptions()));
        await service.ScanAsync(DuplicateKind.Company);
        var sw = Stopwatch.StartNew();
        var result = await service.ScanAsync(DuplicateKind.Company);
        var app = sw.Elapsed;

        sw.Restart();
        var rows = 0;
        await using (var db = database.CreateDbContext())
        {
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = """
                SELECT "Id", "Name", "NameKey", "Domain", "Country", "City", "Phone", "RegistrationId"
                FROM "Companies" WHERE "ArchivedAt" IS NULL
                """;
            await using var reader = await cmd.ExecuteReaderAsync();
            var values = new object[8];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        }
        var raw = sw.Elapsed;
        await using (var db = database.CreateDbContext())
        {
            var pairs = await db.DuplicatePairs.Where(p => p.Kind == DuplicateKind.Company)
                .Select(p => new { p.AId, p.BId }).ToListAsync();
            var found = pairs.Count(p => planted.Contains((p.AId, p.BId)));
            Console.WriteLine($"duplicate detection over {result.Records:N0} companies: app {app.TotalSeconds:F2} s "
                + $"({result.Candidates:N0} candidate pairs, {found:N0} of {planted.Count:N0} planted duplicates "
                + "found); "
                + $"raw read of the same {rows:N0} rows {raw.TotalSeconds:F2} s; ratio {app / raw:F1}"
                + $"  (target < 10 s: {(app.TotalSeconds < 10 ? "met" : "MISSED")})");
        }
    }

    private static async Task<HashSet<(Guid, Guid)>> SeedAsync(BenchDatabase database, int count)
    {
        var rnd = new Random(17);
        var companies = new List<Company>(count);
        var planted = new HashSet<(Guid, Guid)>();
        for (var i = 0; i < count; i++)
        {
            var country = Countries[rnd.Next(Countries.Length)];
            if (i > 0 && i % 50 == 0)
            {
                var original = companies[rnd.Next(companies.Count)];
                var copy = new Company
                {
                    Name = Variant(original.Name, rnd),
                    Country = original.Country,
                    Phone = i % 100 == 0 ? original.Phone : null,
                };
                companies.Add(copy);
                planted.Add(DuplicatePair.Order(original.Id, copy.Id));
                continue;
            }
            companies.Add(new Company
            {
                Name = ($"{First[rnd.Next(First.Length)]}{Second[rnd.Next(Second.Length)]} {Word(rnd)} "
                    + Forms[rnd.Next(Forms.Length)]).Trim(),
                Country = country,
                City = Cities[rnd.Next(Cities.Length)],
                Domain = $"c{i}.example",
                Website = $"https://c{i}.example",
                Phone = $"+49301{i:D7}",
            });
        }
        foreach (var chunk in companies.Chunk(10_000))
        {
            await using var db = database.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Companies.AddRange(chunk);
            await db.SaveChangesAsync();
        }
        return planted;
    }

    // A distinctive second word, so that most names are different companies.
    private static string Word(Random rnd) =>
        string.Concat(Enumerable.Range(0, 3)
            .Select(_ => "bdfgklmnprstvz"[rnd.Next(14)].ToString() + "aeiou"[rnd.Next(5)]));

    private static string Variant(string name, Random rnd) => rnd.Next(3) switch
    {
        0 => name.Replace(" GmbH", "", StringComparison.Ordinal) + " Ltd",
        1 => name.Replace("ü", "ue", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("Event", "Evnet", StringComparison.Ordinal),
        _ => name.ToUpperInvariant(),
    };
}
