using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Discovery.Search;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Campaigns;

/// <summary>Campaigns: their one home for validation, and their schedule kept in step with every change.</summary>
public sealed class CampaignService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public static readonly IReadOnlyList<string> SegmentNames =
        [.. Enum.GetNames<Segment>().Where(s => s != nameof(Segment.Unknown))];

    public async Task<List<CampaignDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Campaigns.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct)).Select(CampaignDto.Of)
            .ToList();
    }

    public async Task<CampaignDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return CampaignDto.Of(await FindAsync(db, id, ct));
    }

    /// <summary>A campaign by id or (case-insensitive) name, as the CLI names them.</summary>
    public async Task<Campaign?> FindByNameOrIdAsync(AppDbContext db, string nameOrId, CancellationToken ct) =>
        Guid.TryParse(nameOrId, out var id)
            ? await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct)
            : (await db.Campaigns.ToListAsync(ct)).FirstOrDefault(c =>
                c.Name.Equals(nameOrId.Trim(), StringComparison.OrdinalIgnoreCase));

    public async Task<CampaignDto> CreateAsync(CampaignInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = new Campaign { Name = "" };
        await ApplyAsync(db, campaign, input, ct);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return CampaignDto.Of(campaign);
    }

    public async Task<CampaignDto> UpdateAsync(Guid id, CampaignInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await FindAsync(db, id, ct);
        LeadService.RequireVersion(db, campaign, input.Version);
        await ApplyAsync(db, campaign, input, ct);
        await db.SaveChangesAsync(ct);
        return CampaignDto.Of(campaign);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Campaigns.Remove(await FindAsync(db, id, ct));
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Campaign> FindAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Campaign", id);

    // Omitted fields keep their values (on create: the defaults); the whole campaign is checked afterwards.
    private async Task ApplyAsync(AppDbContext db, Campaign c, CampaignInput input, CancellationToken ct)
    {
        var errors = new Errors();
        if (input.Name is not null || c.Name.Length == 0)
        {
            c.Name = errors.Required("name", input.Name, Campaign.NameMax) ?? "";
        }
        c.Segments = Items(errors, "segments", input.Segments, c.Segments, s => SegmentNames.FirstOrDefault(n =>
            n.Equals(s, StringComparison.OrdinalIgnoreCase)),
            "is not a segment (" + string.Join(", ", SegmentNames) + ")");
        c.Regions = Items(errors, "regions", input.Regions, c.Regions, s => QueryPlanner.Countries.FirstOrDefault(n =>
            n.Equals(s, StringComparison.OrdinalIgnoreCase)), "is not a region (" + string.Join(", ",
            QueryPlanner.Countries) + ")");
        c.Keywords = Items(errors, "keywords", input.Keywords, c.Keywords, s => s.Length <= 100 ? s : null,
            "is longer than 100 characters");
        c.DirectoryUrls = Items(errors, "directoryUrls", input.DirectoryUrls, c.DirectoryUrls,
            s => Uri.TryCreate(s, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
                && s.Length <= Campaign.ItemMax ? u.ToString() : null, "is not an http(s) address");
        c.SeedDomains = Items(errors, "seedDomains", input.SeedDomains, c.SeedDomains,
            s => DomainName.Parse(s).Domain, "is not a website or domain");
        if (input.Provider is not null)
        {
            c.Provider = input.Provider.Trim().Length == 0 ? null : input.Provider.Trim().ToLowerInvariant();
        }
        if (c.Provider is not null && !SearchProviders.Names.Contains(c.Provider))
        {
            errors.Add("provider", $"Unknown provider; known: {string.Join(", ", SearchProviders.Names)}.");
        }
        c.MaxQueriesPerRun = Number(errors, "maxQueriesPerRun", input.MaxQueriesPerRun, c.MaxQueriesPerRun, 0, 500);
        c.ResultPagesPerQuery = Number(errors, "resultPagesPerQuery", input.ResultPagesPerQuery,
            c.ResultPagesPerQuery, 1, 10);
        c.MaxPagesPerSite = Number(errors, "maxPagesPerSite", input.MaxPagesPerSite, c.MaxPagesPerSite, 1, 30);
        c.MaxNewPerRun = Number(errors, "maxNewPerRun", input.MaxNewPerRun, c.MaxNewPerRun, 1, 10_000);
        c.MaxNewPerDay = Number(errors, "maxNewPerDay", input.MaxNewPerDay, c.MaxNewPerDay, 1, 100_000);
        c.MonthlyQueryBudget = Number(errors, "monthlyQueryBudget", input.MonthlyQueryBudget, c.MonthlyQueryBudget,
            0, 1_000_000);
        c.AlertAfterEmptyRuns = Number(errors, "alertAfterEmptyRuns", input.AlertAfterEmptyRuns,
            c.AlertAfterEmptyRuns, 0, 100);
        if (input.Schedule is not null)
        {
            c.Schedule = input.Schedule.Trim().Length == 0 ? null : input.Schedule.Trim();
        }
        if (c.Schedule is { } cron && (cron.Length > Campaign.CronMax || CampaignSchedule.Parse(cron).Error is { }))
        {
            errors.Add("schedule", CampaignSchedule.Parse(cron).Error ?? "Too long.");
        }
        c.TimeZone = input.TimeZone?.Trim() ?? c.TimeZone;
        if (CampaignSchedule.Zone(c.TimeZone) is null)
        {
            errors.Add("timeZone", "Not a known time zone (IANA name such as Europe/Berlin).");
        }
        c.Paused = input.Paused ?? c.Paused;
        if (c.Segments.Count == 0 && c.Keywords.Count == 0 && c.DirectoryUrls.Count == 0 && c.SeedDomains.Count == 0)
        {
            errors.Add("segments", "Give the campaign something to look with: segments, keywords, lists or seeds.");
        }
        if (await db.Campaigns.AnyAsync(x => x.Id != c.Id && x.Name == c.Name, ct))
        {
            errors.Add("name", "Another campaign has this name.");
        }
        errors.ThrowIfAny();
        c.NextRunAt = CampaignSchedule.Next(c, time.GetUtcNow().UtcDateTime);
    }

    private static List<string> Items(Errors errors, string field, List<string>? input, List<string> current,
        Func<string, string?> parse, string problem)
    {
        if (input is null)
        {
            return current;
        }
        if (input.Count > Campaign.ItemsMax)
        {
            errors.Add(field, $"At most {Campaign.ItemsMax} items.");
        }
        var result = new List<string>();
        foreach (var item in input.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()))
        {
            if (item.Length > Campaign.ItemMax || parse(item) is not { } value)
            {
                errors.Add(field, $"'{(item.Length > 60 ? item[..60] + "…" : item)}' {problem}.");
            }
            else if (!result.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(value);
            }
        }
        return result;
    }

    private static int Number(Errors errors, string field, int? input, int current, int min, int max)
    {
        var value = input ?? current;
        if (value < min || value > max)
        {
            errors.Add(field, $"Must be between {min} and {max}.");
        }
        return value;
    }
}
