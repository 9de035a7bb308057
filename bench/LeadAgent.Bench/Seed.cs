using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Bench;

/// <summary>
/// Deterministic data: half the leads are New (the bulk target), the rest spread over the other statuses.
/// </summary>
internal static class Seed
{
    public const int Owners = 20;

    public static async Task<List<string>> RunAsync(BenchDatabase database, int leads)
    {
        var rnd = new Random(42);
        var owners = Enumerable.Range(0, Owners).Select(i => new AppUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = $"owner{i}@bench",
            NormalizedUserName = $"OWNER{i}@BENCH",
            Email = $"owner{i}@bench",
            NormalizedEmail = $"OWNER{i}@BENCH",
            DisplayName = $"Owner {i}",
            SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        var companies = Enumerable.Range(0, Math.Max(1, leads / 20)).Select(i => new Company
        {
            Name = $"Company {i:D6}",
            Domain = $"company{i}.example",
            Website = $"https://company{i}.example",
            Country = i % 2 == 0 ? "DE" : "AE",
            Segment = (Segment)(i % 5),
        }).ToList();
        await using (var db = database.CreateDbContext())
        {
            db.Users.AddRange(owners);
            db.Companies.AddRange(companies);
            await db.SaveChangesAsync();
        }
        var statuses = Enum.GetValues<LeadStatus>().Where(s => s != LeadStatus.New).ToArray();
        const int batch = 10_000;
        for (var start = 0; start < leads; start += batch)
        {
            await using var db = database.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(leads, start + batch); i++)
            {
                db.Leads.Add(new Lead
                {
                    Title = $"Lead {i:D6}",
                    CompanyId = companies[i % companies.Count].Id,
                    Status = i % 2 == 0 ? LeadStatus.New : statuses[rnd.Next(statuses.Length)],
                    OwnerId = owners[rnd.Next(owners.Count)].Id,
                    Source = (LeadSource)(i % 5),
                    Score = rnd.Next(0, 101),
                    ExpectedValue = rnd.Next(1, 500) * 100m,
                    StatusChangedAt = DateTime.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                database.Provider == LeadAgent.Web.Data.DatabaseProvider.Sqlite ? "ANALYZE" : "VACUUM ANALYZE");
        }
        return owners.Select(o => o.Id).ToList();
    }
}
