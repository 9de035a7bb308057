using System.Globalization;
using System.Text;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Discovery.Review;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Signals;

/// <summary>
/// Loads <see cref="CompanySignals"/> for the companies of a query: CRM fields, and the latest research of each
/// company's site (the prospect discovery matched to it, or one of its domain) with its kept page text.
/// </summary>
public static class CompanySignalsLoader
{
    /// <summary>Site text kept per company: enough for the words that decide a segment, bounded for memory.</summary>
    public const int SiteTextMax = 12_000;

    public static async Task<List<CompanySignals>> LoadAsync(AppDbContext db, IQueryable<Company> companies,
        CancellationToken ct)
    {
        var rows = await companies.AsNoTracking().Select(c => new
        {
            c.Id,
            c.Name,
            c.Domain,
            c.Country,
            c.City,
            c.Industry,
            c.SizeBand,
            c.Tags,
            c.Segment,
            c.OrderCount,
            c.OrderTotal,
            c.LastOrderOn,
        }).ToListAsync(ct);
        var research = await LatestResearchAsync(db, companies, ct);
        return [.. rows.Select(c =>
        {
            research.TryGetValue(c.Id, out var site);
            var label = c.Segment == Segment.Unknown ? (Segment?)null : c.Segment;
            return new CompanySignals(c.Id, c.Name, c.Domain, c.Country, c.City, c.Industry, c.SizeBand, c.Tags,
                site?.Text ?? "", site?.Title, site?.Description, site?.Language, site?.Segments ?? [],
                site?.Employees, label, c.OrderCount, c.OrderTotal, c.LastOrderOn);
        })];
    }

    /// <summary>Signals of a site researched without a company yet (a discovery prospect).</summary>
    public static async Task<CompanySignals?> ForProspectAsync(AppDbContext db, Guid prospectId, CancellationToken ct)
    {
        var p = await db.Set<Prospect>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == prospectId, ct);
        if (p is null)
        {
            return null;
        }
        var pages = await db.Set<ProspectPage>().AsNoTracking().Where(x => x.ProspectId == p.Id)
            .Select(x => new PageText(x.ProspectId, x.Kind, x.Title, x.Text)).ToListAsync(ct);
        var site = Site(p, pages);
        return new CompanySignals(Guid.Empty, p.Name ?? p.Title ?? p.Domain, p.Domain, p.Country, p.City, null,
            SizeBand.Unknown, [], site.Text, site.Title, site.Description, site.Language, site.Segments,
            site.Employees, null, 0, 0, null);
    }

    private static async Task<Dictionary<Guid, SiteText>> LatestResearchAsync(AppDbContext db,
        IQueryable<Company> companies, CancellationToken ct)
    {
        var researched = db.Set<Prospect>().Where(p => p.Research == ResearchState.Researched);
        var byCompany = await researched.Join(companies, p => p.CompanyId, c => (Guid?)c.Id,
                (p, c) => new { CompanyId = c.Id, p.Id, p.ResearchedAt })
            .Concat(researched.Join(companies.Where(c => c.Domain != null), p => p.Domain, c => c.Domain!,
                (p, c) => new { CompanyId = c.Id, p.Id, p.ResearchedAt }))
            .ToListAsync(ct);
        var latest = byCompany.GroupBy(x => x.CompanyId)
            .ToDictionary(g => g.Key, g => g.MaxBy(x => x.ResearchedAt)!.Id);
        if (latest.Count == 0)
        {
            return [];
        }
        var ids = latest.Values.Distinct().ToList();
        var prospects = new Dictionary<Guid, Prospect>();
        var pages = new List<PageText>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var p in await db.Set<Prospect>().AsNoTracking().Where(p => chunk.Contains(p.Id)).ToListAsync(ct))
            {
                prospects[p.Id] = p;
            }
            pages.AddRange(await db.Set<ProspectPage>().AsNoTracking().Where(x => chunk.Contains(x.ProspectId))
                .Select(x => new PageText(x.ProspectId, x.Kind, x.Title, x.Text)).ToListAsync(ct));
        }
        var pagesOf = pages.ToLookup(x => x.ProspectId);
        return latest.Where(x => prospects.ContainsKey(x.Value))
            .ToDictionary(x => x.Key, x => Site(prospects[x.Value], [.. pagesOf[x.Value]]));
    }

    private static SiteText Site(Prospect p, IReadOnlyList<PageText> pages)
    {
        var profile = ReviewService.Profile(p);
        var text = new StringBuilder();
        // The home page and the about page say what a company does; the imprint and contact pages mostly don't.
        foreach (var page in pages.OrderBy(x => x.Kind switch { "Home" => 0, "About" => 1, "Team" => 2, _ => 3 }))
        {
            if (text.Length >= SiteTextMax)
            {
                break;
            }
            text.Append(page.Title).Append('\n').Append(page.Text.AsSpan(0,
                Math.Min(page.Text.Length, SiteTextMax - text.Length))).Append('\n');
        }
        int? employees = int.TryParse(profile?.Employees, NumberStyles.Integer, CultureInfo.InvariantCulture,
            out var n) ? n : null;
        return new SiteText(text.ToString(), p.Title, profile?.Description, profile?.Language,
            profile?.SegmentsFound ?? [], employees);
    }

    private sealed record PageText(Guid ProspectId, string Kind, string? Title, string Text);

    private sealed record SiteText(string Text, string? Title, string? Description, string? Language,
        IReadOnlyList<string> Segments, int? Employees);
}
