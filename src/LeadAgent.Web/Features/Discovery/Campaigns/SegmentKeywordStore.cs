using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Campaigns;

/// <summary>The workspace's search words per segment: what was saved, else the built-in defaults.</summary>
public static class SegmentKeywordStore
{
    public const int WordsMax = 50, WordMax = 100;

    public static async Task<List<SegmentKeywords>> AllAsync(AppDbContext db, CancellationToken ct)
    {
        var saved = await db.SegmentKeywords.AsNoTracking().ToListAsync(ct);
        return [.. QueryPlanner.Defaults.Select(d =>
            saved.FirstOrDefault(s => s.Segment == d.Value.Segment) ?? d.Value)];
    }

    /// <summary>Each segment's words in both languages, as the extraction looks for them on sites.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Words(IEnumerable<SegmentKeywords> all,
        IReadOnlyCollection<string> segments) =>
        all.Where(k => segments.Count == 0 || segments.Contains(k.Segment, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(k => k.Segment, k => (IReadOnlyList<string>)[.. k.German.Concat(k.English).Distinct()]);

    public static async Task<SegmentKeywordsDto> SaveAsync(AppDbContext db, string segment, List<string>? german,
        List<string>? english, CancellationToken ct)
    {
        await Infrastructure.Auth.RolePolicy.RequireWriterAsync(db, "edit search words");
        var errors = new Infrastructure.Api.Errors();
        var name = Enum.GetNames<Segment>().FirstOrDefault(n => n.Equals(segment, StringComparison.OrdinalIgnoreCase)
            && n != nameof(Segment.Unknown));
        if (name is null)
        {
            throw new Infrastructure.Api.NotFoundException("Segment", segment);
        }
        List<string> Clean(string field, List<string>? words)
        {
            var list = (words ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).Distinct()
                .ToList();
            if (list.Count > WordsMax || list.Any(w => w.Length > WordMax))
            {
                errors.Add(field, $"At most {WordsMax} words of up to {WordMax} characters.");
            }
            return list;
        }
        var row = await db.SegmentKeywords.FirstOrDefaultAsync(s => s.Segment == name, ct);
        if (row is null)
        {
            db.SegmentKeywords.Add(row = new SegmentKeywords { Segment = name });
        }
        (row.German, row.English) = (Clean("german", german), Clean("english", english));
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return new SegmentKeywordsDto(row.Segment, row.German, row.English);
    }
}
