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

/// <summary>Detection runs, the review queue and "not a duplicate"; merging and undo are in <see cref="MergeService"/>.</summary>
public sealed class DuplicateService(IDbContextFactory<AppDbContext> dbFactory, Microsoft.Extensions.Options.IOptions<CrmOptions> crm)
{
    /// <summary>Finds candidate pairs among all active records and refreshes the open queue; dismissed and merged pairs stay as they are.</summary>
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
                .Select(c => new CompanyFacts(c.Id, c.Name, c.NameKey, c.Domain, c.Country, c.City, c.Phone, c.RegistrationId)).ToListAsync(ct);
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
                if (pair.Status == PairStatus.Open && (pair.Confidence != match.Confidence || pair.Evidence != evidence))
                {
                    pair.Confidence = match.Confidence;
                    pair.Evidence = evidence;
                    refreshed++;
                }
                continue;
            }
            db.DuplicatePairs.Add(new DuplicatePair { Kind = kind, AId = match.A, BId = match.B, Confidence = match.Confidence, Evidence = evidence, DetectedAt = now });
            opened++;
        }
        // Open pairs that no longer match (edited, archived, merged elsewhere) leave the queue.
        var stale = existing.Values.Where(p => p.Status == PairStatus.Open && !current.Contains((p.AId, p.BId))).ToList();
        db.DuplicatePairs.RemoveRange(stale);
        await db.SaveChangesAsync(ct);
        return new ScanResult(kind, records, found.Count, opened, refreshed, stale.Count, Math.Round(clock.Elapsed.TotalSeconds, 2));
    }

    internal static async Task<List<ContactFacts>> ContactFactsAsync(AppDbContext db, IQueryable<Contact> contacts, CancellationToken ct)
    {
        var rows = await contacts.AsNoTracking().Select(c => new { c.Id, c.FirstName, c.LastName, c.CompanyId }).ToListAsync(ct);
        var ids = contacts.Select(c => c.Id);
        var identities = (await db.ContactIdentities.AsNoTracking().Where(i => ids.Contains(i.ContactId)).Select(i => new { i.ContactId, i.Value }).ToListAsync(ct))
            .ToLookup(i => i.ContactId, i => i.Value);
        return rows.Select(c => new ContactFacts(c.Id, c.FirstName, c.LastName, c.CompanyId, identities[c.Id].ToList())).ToList();
    }

    /// <summary>The queue, most likely duplicates first.</summary>
    public async Task<Page<DuplicatePairDto>> ListAsync(DuplicateKind kind, PairStatus status, int? limit, string? cursor, CancellationToken ct = default)
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
            pairs = pairs.Where(p => p.Confidence < confidence || (p.Confidence == confidence && p.Id.CompareTo(id) > 0));
        }
        var page = await pairs.OrderByDescending(p => p.Confidence).ThenBy(p => p.Id).Take(take + 1).ToListAsync(ct);
        var items = await DescribeAsync(db, page, ct);
        return Page<DuplicatePairDto>.FromLookahead(items, take,
            p => new Cursor("confidence", p.Confidence.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Id).Encode(), total);
    }

    public async Task<DuplicatePairDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pair = await db.DuplicatePairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Duplicate pair", id);
        return (await DescribeAsync(db, [pair], ct))[0];
    }

    /// <summary>"Not a duplicate": remembered, so detection never proposes this pair again.</summary>
    public async Task<DuplicatePairDto> DismissAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync();
        var pair = await db.DuplicatePairs.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Duplicate pair", id);
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

    /// <summary>Existing companies that a new one with these details would probably duplicate (for a warning before creating it).</summary>
    public async Task<List<LikelyDuplicate>> CheckCompanyAsync(CompanyCheck check, CancellationToken ct = default)
    {
        var key = CompanyNames.Key(check.Name);
        var domain = DomainName.Parse(check.Website).Domain;
        var country = string.IsNullOrWhiteSpace(check.Country) ? null : check.Country.Trim().ToUpperInvariant();
        var phone = ContactPoints.Phone(check.Phone, country ?? crm.Value.DefaultPhoneRegion).Value;
        var vat = CompanyNames.RegistrationId(check.VatId);
        if (key.Length == 0 && domain is null && phone is null && vat is null)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Names sharing the first three letters of the key (an index range), plus exact identifiers.
        var low = key.Length >= 3 ? key[..3] : key;
        var high = low + '\uffff';
        var candidates = await db.Companies.AsNoTracking().Where(c => c.ArchivedAt == null && (
                (domain != null && c.Domain == domain) || (vat != null && c.RegistrationId == vat) || (phone != null && c.Phone == phone)
                || (low.Length > 0 && string.Compare(c.NameKey, low) >= 0 && string.Compare(c.NameKey, high) < 0)))
            .Select(c => new CompanyFacts(c.Id, c.Name, c.NameKey, c.Domain, c.Country, c.City, c.Phone, c.RegistrationId))
            .Take(2000).ToListAsync(ct);
        var probe = new CompanyFacts(Guid.Empty, check.Name ?? "", key, domain, country, string.IsNullOrWhiteSpace(check.City) ? null : check.City.Trim(), phone, vat);
        return candidates.Select(c => (c, m: CompanyMatcher.Compare(probe, c)))
            .Where(x => x.m is { Confidence: >= CompanyMatcher.Threshold })
            .OrderByDescending(x => x.m!.Confidence).Take(5)
            .Select(x => new LikelyDuplicate(x.c.Id, x.c.Name, x.m!.Confidence, x.m.Evidence)).ToList();
    }

    /// <summary>Existing contacts that a new contact with these details would probably duplicate (same e-mail or phone, or name at the company).</summary>
    public async Task<List<LikelyDuplicate>> CheckContactAsync(ContactCheck check, CancellationToken ct = default)
    {
        var identities = new[]
        {
            ContactPoints.Email(check.Email).Value,
            ContactPoints.Phone(check.Phone, crm.Value.DefaultPhoneRegion).Value,
        }.OfType<string>().ToList();
        if (string.IsNullOrWhiteSpace(check.FirstName) && identities.Count == 0)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var companyId = check.CompanyId;
        var candidates = db.Contacts.Where(c => c.ArchivedAt == null
            && (c.Identities.Any(i => identities.Contains(i.Value)) || (companyId != null && c.CompanyId == companyId)));
        var facts = await ContactFactsAsync(db, candidates.OrderBy(c => c.Id).Take(500), ct);
        var probe = new ContactFacts(Guid.Empty, check.FirstName?.Trim() ?? "", check.LastName?.Trim(), companyId, identities);
        var ids = facts.Select(f => f.Id).ToList();
        var labels = (await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.FirstName, c.LastName }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => string.IsNullOrWhiteSpace(c.LastName) ? c.FirstName : $"{c.FirstName} {c.LastName}");
        return facts.Select(f => (f, m: ContactMatcher.Compare(probe, f)))
            .Where(x => x.m is { Confidence: >= CompanyMatcher.Threshold })
            .OrderByDescending(x => x.m!.Confidence).Take(5)
            .Select(x => new LikelyDuplicate(x.f.Id, labels.GetValueOrDefault(x.f.Id) ?? x.f.FirstName, x.m!.Confidence, x.m.Evidence)).ToList();
    }

    internal static async Task<List<DuplicatePairDto>> DescribeAsync(AppDbContext db, IReadOnlyList<DuplicatePair> pairs, CancellationToken ct)
    {
        var ids = pairs.SelectMany(p => new[] { p.AId, p.BId }).Distinct().ToList();
        var records = new Dictionary<Guid, DuplicateRecord>();
        if (pairs.Any(p => p.Kind == DuplicateKind.Company))
        {
            foreach (var r in await CompanyRecordsAsync(db, ids, ct))
            {
                records[r.Id] = r;
            }
        }
        if (pairs.Any(p => p.Kind == DuplicateKind.Contact))
        {
            foreach (var r in await ContactRecordsAsync(db, ids, ct))
            {
                records[r.Id] = r;
            }
        }
        var missing = new DuplicateRecord(Guid.Empty, "(deleted)", true, [], [], [], []);
        return pairs.Select(p => new DuplicatePairDto(p.Id, p.Kind, p.Confidence, JsonSerializer.Deserialize<List<string>>(p.Evidence) ?? [], p.Status,
            p.DetectedAt, p.ResolvedAt, p.ResolvedBy, records.GetValueOrDefault(p.AId) ?? missing, records.GetValueOrDefault(p.BId) ?? missing,
            p.Kind == DuplicateKind.Company
                ? MergeFields.Company.Select(f => new FieldLabel(f.Name, f.Label)).ToList()
                : MergeFields.Contact.Select(f => new FieldLabel(f.Name, f.Label)).ToList())).ToList();
    }

    private static async Task<List<DuplicateRecord>> CompanyRecordsAsync(AppDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var companies = await db.Companies.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var contacts = await db.Contacts.Where(c => c.CompanyId != null && ids.Contains(c.CompanyId.Value)).GroupBy(c => c.CompanyId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var leads = await db.Leads.Where(l => ids.Contains(l.CompanyId)).GroupBy(l => l.CompanyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var orders = await db.Orders.Where(o => ids.Contains(o.CompanyId)).GroupBy(o => o.CompanyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var notes = await db.Notes.Where(n => n.SubjectType == Notes.NoteSubject.Company && ids.Contains(n.SubjectId)).GroupBy(n => n.SubjectId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return companies.Select(c => new DuplicateRecord(c.Id, c.Name, c.ArchivedAt is not null, MergeFields.Values(MergeFields.Company, c), c.Tags,
            new Dictionary<string, int>
            {
                ["contacts"] = contacts.GetValueOrDefault(c.Id),
                ["leads"] = leads.GetValueOrDefault(c.Id),
                ["orders"] = orders.GetValueOrDefault(c.Id),
                ["notes"] = notes.GetValueOrDefault(c.Id),
            }, [])).ToList();
    }

    private static async Task<List<DuplicateRecord>> ContactRecordsAsync(AppDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var contacts = await db.Contacts.AsNoTracking().Include(c => c.Identities).Include(c => c.Company).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var leads = await db.Leads.Where(l => l.PrimaryContactId != null && ids.Contains(l.PrimaryContactId.Value)).GroupBy(l => l.PrimaryContactId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var notes = await db.Notes.Where(n => n.SubjectType == Notes.NoteSubject.Contact && ids.Contains(n.SubjectId)).GroupBy(n => n.SubjectId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return contacts.Select(c =>
        {
            var fields = MergeFields.Values(MergeFields.Contact, c);
            // Show the company's name rather than its id.
            fields["companyId"] = c.Company?.Name;
            return new DuplicateRecord(c.Id, c.FullName, c.ArchivedAt is not null, fields, c.Tags,
                new Dictionary<string, int> { ["leads"] = leads.GetValueOrDefault(c.Id), ["notes"] = notes.GetValueOrDefault(c.Id), ["identities"] = c.Identities.Count },
                c.Identities.Select(i => i.Value.StartsWith('+') ? ContactPoints.FormatPhone(i.Value) : i.Value).ToList());
        }).ToList();
    }
}
