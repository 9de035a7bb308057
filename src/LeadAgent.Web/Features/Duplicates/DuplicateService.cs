using System.Diagnostics;
using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Duplicates;

/// <summary>
/// Detection runs, the review queue and "not a duplicate"; merging and undo are in <see cref="MergeService"/>.
/// </summary>
public sealed partial class DuplicateService(
    IDbContextFactory<AppDbContext> dbFactory, Microsoft.Extensions.Options.IOptions<CrmOptions> crm)
{
    /// <summary>
    /// Finds candidate pairs among all active records and refreshes the open queue;
    /// dismissed and merged pairs stay as they are.
    /// </summary>
    public async Task<ScanResult> ScanAsync(DuplicateKind kind, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync();
        int records;
        List<MatchResult> found;
        if (kind == DuplicateKind.Company)
        {
            var companies = await db.Companies.AsNoTracking().Where(c => c.ArchivedAt == null)
                .Select(c => new CompanyFacts(
                    c.Id, c.Name, c.NameKey, c.Domain, c.Country, c.City, c.Phone, c.RegistrationId))
                .ToListAsync(ct);
            records = companies.Count;
            found = CompanyMatcher.Detect(companies);
        }
        else
        {
            var contacts = await ContactFactsAsync(db, db.Contacts.Where(c => c.ArchivedAt == null), ct);
            records = contacts.Count;
            found = ContactMatcher.Detect(contacts);
        }

        var existing = await db.DuplicatePairs.Where(p => p.Kind == kind).ToDictionaryAsync(p => (p.AId, p.BId), ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        int opened = 0, refreshed = 0;
        var current = new HashSet<(Guid, Guid)>();
        foreach (var match in found)
        {
            current.Add((match.A, match.B));
            var evidence = JsonSerializer.Serialize(match.Evidence);
            if (existing.TryGetValue((match.A, match.B), out var pair))
            {
                if (pair.Status == PairStatus.Open
                    && (pair.Confidence != match.Confidence || pair.Evidence != evidence))
                {
                    pair.Confidence = match.Confidence;
                    pair.Evidence = evidence;
                    refreshed++;
                }
                continue;
            }
            db.DuplicatePairs.Add(new DuplicatePair
            {
                Kind = kind,
                AId = match.A,
                BId = match.B,
                Confidence = match.Confidence,
                Evidence = evidence,
                DetectedAt = now,
            });
            opened++;
        }
        // Open pairs that no longer match (edited, archived, merged elsewhere) leave the queue.
        var stale = existing.Values
            .Where(p => p.Status == PairStatus.Open && !current.Contains((p.AId, p.BId)))
            .ToList();
        db.DuplicatePairs.RemoveRange(stale);
        await db.SaveChangesAsync(ct);
        return new ScanResult(
            kind, records, found.Count, opened, refreshed, stale.Count, Math.Round(clock.Elapsed.TotalSeconds, 2));
    }

    internal static async Task<List<ContactFacts>> ContactFactsAsync(
        AppDbContext db, IQueryable<Contact> contacts, CancellationToken ct)
    {
        var rows = await contacts.AsNoTracking()
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.CompanyId })
            .ToListAsync(ct);
        var ids = contacts.Select(c => c.Id);
        var identities = (await db.ContactIdentities.AsNoTracking()
                .Where(i => ids.Contains(i.ContactId))
                .Select(i => new { i.ContactId, i.Value })
                .ToListAsync(ct))
            .ToLookup(i => i.ContactId, i => i.Value);
        return rows
            .Select(c => new ContactFacts(c.Id, c.FirstName, c.LastName, c.CompanyId, identities[c.Id].ToList()))
            .ToList();
    }

    /// <summary>The queue, most likely duplicates first.</summary>
    public async Task<Page<DuplicatePairDto>> ListAsync(
        DuplicateKind kind, PairStatus status, int? limit, string? cursor, CancellationToken ct = default)
    {
        var errors = new Errors();
        var take = Cursor.ClampLimit(limit, errors);
        errors.ThrowIfAny();
        var after = Cursor.Decode(cursor, "confidence");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pairs = db.DuplicatePairs.AsNoTracking().Where(p => p.Kind == kind && p.Status == status);
        var total = await pairs.CountAsync(ct);
        if (after is not null)
        {
            var confidence = int.Parse(after.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var id = after.Id;
            pairs = pairs.Where(p => p.Confidence < confidence
                || (p.Confidence == confidence && p.Id.CompareTo(id) > 0));
        }
        var page = await pairs.OrderByDescending(p => p.Confidence).ThenBy(p => p.Id).Take(take + 1).ToListAsync(ct);
        var items = await DescribeAsync(db, page, ct);
        return Page<DuplicatePairDto>.FromLookahead(items, take,
            p => new Cursor(
                "confidence", p.Confidence.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Id).Encode(),
            total);
    }

    public async Task<DuplicatePairDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pair = await db.DuplicatePairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("Duplicate pair", id);
        return (await DescribeAsync(db, [pair], ct))[0];
    }

    /// <summary>"Not a duplicate": remembered, so detection never proposes this pair again.</summary>
    public async Task<DuplicatePairDto> DismissAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync();
        var pair = await db.DuplicatePairs.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("Duplicate pair", id);
        if (pair.Status != PairStatus.Open)
        {
            throw new ConflictException($"This pair is already {pair.Status.ToString().ToLowerInvariant()}.");
        }
        pair.Status = PairStatus.Dismissed;
        pair.ResolvedAt = db.Time.GetUtcNow().UtcDateTime;
        pair.ResolvedBy = actor.Name;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }
}
