using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Duplicates;

/// <summary>
/// Merges a pair into the survivor: chosen field values, combined tags, every related record moved (contacts, leads,
/// orders, notes for companies; identities, leads, notes for contacts), the other record archived with a pointer to the
/// survivor. One transaction; a <see cref="MergeRecord"/> and activity entries on both records hold what undo needs.
/// </summary>
public sealed class MergeService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<MergeDto> MergeAsync(Guid pairId, MergeRequest request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync();
        var pair = await db.DuplicatePairs.FirstOrDefaultAsync(p => p.Id == pairId, ct) ?? throw new NotFoundException("Duplicate pair", pairId);
        if (pair.Status != PairStatus.Open)
        {
            throw new ConflictException($"This pair is already {pair.Status.ToString().ToLowerInvariant()}.");
        }
        if (request.SurvivorId != pair.AId && request.SurvivorId != pair.BId)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["survivorId"] = ["Must be one of the pair's two records."] });
        }
        var loserId = request.SurvivorId == pair.AId ? pair.BId : pair.AId;
        var choices = request.Fields ?? [];
        var unknown = choices.Where(c => c.Value != pair.AId && c.Value != pair.BId).Select(c => c.Key)
            .Concat(choices.Keys.Where(k => pair.Kind == DuplicateKind.Company ? MergeFields.Company.All(f => f.Name != k) : MergeFields.Contact.All(f => f.Name != k)))
            .Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationFailedException(unknown.ToDictionary(k => $"fields.{k}", _ => new[] { "Unknown field, or the record is not one of the pair." }));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        var record = pair.Kind == DuplicateKind.Company
            ? await MergeCompaniesAsync(db, request.SurvivorId, loserId, choices, now, ct)
            : await MergeContactsAsync(db, request.SurvivorId, loserId, choices, now, ct);
        record.PairId = pair.Id;
        record.MergedAt = now;
        record.MergedBy = actor.Name;
        pair.Status = PairStatus.Merged;
        pair.ResolvedAt = now;
        pair.ResolvedBy = actor.Name;
        // Other open pairs with the archived record are void; the next scan compares the survivor afresh.
        await db.DuplicatePairs.Where(p => p.Id != pair.Id && p.Status == PairStatus.Open && (p.AId == loserId || p.BId == loserId)).ExecuteDeleteAsync(ct);
        db.MergeRecords.Add(record);
        var moved = Moved(record);
        LogBoth(db, record, actor, "merged", $"{{\"merged\":{{\"from\":{JsonSerializer.Serialize(record.LoserLabel)},\"to\":{JsonSerializer.Serialize(record.SurvivorLabel)}}},\"mergeId\":\"{record.Id}\",\"moved\":{JsonSerializer.Serialize(moved)}}}");
        await db.SaveChangesAsync(ct);
        if (pair.Kind == DuplicateKind.Company)
        {
            await OrderService.RecomputeCompanyAsync(db, record.SurvivorId, ct);
            await OrderService.RecomputeCompanyAsync(db, record.LoserId, ct);
        }
        await tx.CommitAsync(ct);
        return ToDto(record);
    }

    private static async Task<MergeRecord> MergeCompaniesAsync(AppDbContext db, Guid survivorId, Guid loserId, Dictionary<string, Guid> choices, DateTime now, CancellationToken ct)
    {
        var survivor = await db.Companies.FirstOrDefaultAsync(c => c.Id == survivorId, ct) ?? throw new NotFoundException("Company", survivorId);
        var loser = await db.Companies.FirstOrDefaultAsync(c => c.Id == loserId, ct) ?? throw new NotFoundException("Company", loserId);
        RequireActive(survivor.ArchivedAt, loser.ArchivedAt);
        // Labels as the records were named before the merge, so the history reads "B into A" even when A takes B's name.
        var survivorLabel = Cut(survivor.Name);
        var survivorBefore = MergeFields.Values(MergeFields.Company, survivor);
        survivorBefore["domain"] = survivor.Domain;
        survivorBefore["tags"] = JsonSerializer.Serialize(survivor.Tags);
        survivorBefore["customFields"] = JsonSerializer.Serialize(survivor.CustomFields);
        var loserBefore = new Dictionary<string, string?> { ["website"] = loser.Website, ["domain"] = loser.Domain };

        var taken = Take(MergeFields.Company, survivor, loser, choices);
        if (taken.Contains("website") && loser.Domain is not null)
        {
            // The domain is unique: the archived record gives it up first.
            loser.Website = null;
            loser.Domain = null;
            await db.SaveChangesAsync(ct);
        }
        foreach (var field in MergeFields.Company.Where(f => taken.Contains(f.Name)))
        {
            field.Set(survivor, field.Get(loser));
        }
        survivor.Tags = survivor.Tags.Union(loser.Tags).Take(50).ToList();
        survivor.CustomFields = loser.CustomFields.Concat(survivor.CustomFields).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        loser.ArchivedAt = now;
        loser.MergedIntoId = survivor.Id;

        var moved = new Dictionary<string, List<Guid>>
        {
            ["contacts"] = await db.Contacts.Where(c => c.CompanyId == loserId).Select(c => c.Id).ToListAsync(ct),
            ["leads"] = await db.Leads.Where(l => l.CompanyId == loserId).Select(l => l.Id).ToListAsync(ct),
            ["orders"] = await db.Orders.Where(o => o.CompanyId == loserId).Select(o => o.Id).ToListAsync(ct),
            ["notes"] = await db.Notes.Where(n => n.SubjectType == NoteSubject.Company && n.SubjectId == loserId).Select(n => n.Id).ToListAsync(ct),
        };
        await MoveCompanyRelationsAsync(db, moved, survivorId, ct);
        return new MergeRecord
        {
            Kind = DuplicateKind.Company,
            SurvivorId = survivorId,
            LoserId = loserId,
            SurvivorLabel = survivorLabel,
            LoserLabel = Cut(loser.Name),
            SurvivorBefore = JsonSerializer.Serialize(survivorBefore),
            LoserBefore = JsonSerializer.Serialize(loserBefore),
            Moved = JsonSerializer.Serialize(moved),
            MergedBy = "",
        };
    }

    private static async Task MoveCompanyRelationsAsync(AppDbContext db, Dictionary<string, List<Guid>> ids, Guid to, CancellationToken ct)
    {
        var contacts = ids["contacts"];
        var leads = ids["leads"];
        var orders = ids["orders"];
        var notes = ids["notes"];
        await db.Contacts.Where(c => contacts.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.CompanyId, to).SetProperty(c => c.Version, c => c.Version + 1), ct);
        await db.Leads.Where(l => leads.Contains(l.Id)).ExecuteUpdateAsync(s => s.SetProperty(l => l.CompanyId, to).SetProperty(l => l.Version, l => l.Version + 1), ct);
        await db.Orders.Where(o => orders.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.CompanyId, to).SetProperty(o => o.Version, o => o.Version + 1), ct);
        await db.Notes.Where(n => notes.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.SubjectId, to), ct);
    }

    private static async Task<MergeRecord> MergeContactsAsync(AppDbContext db, Guid survivorId, Guid loserId, Dictionary<string, Guid> choices, DateTime now, CancellationToken ct)
    {
        var survivor = await db.Contacts.Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == survivorId, ct) ?? throw new NotFoundException("Contact", survivorId);
        var loser = await db.Contacts.Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == loserId, ct) ?? throw new NotFoundException("Contact", loserId);
        RequireActive(survivor.ArchivedAt, loser.ArchivedAt);
        var survivorLabel = Cut(survivor.FullName);
        var survivorBefore = MergeFields.Values(MergeFields.Contact, survivor);
        survivorBefore["tags"] = JsonSerializer.Serialize(survivor.Tags);
        var taken = Take(MergeFields.Contact, survivor, loser, choices);
        foreach (var field in MergeFields.Contact.Where(f => taken.Contains(f.Name)))
        {
            field.Set(survivor, field.Get(loser));
        }
        survivor.Tags = survivor.Tags.Union(loser.Tags).Take(50).ToList();
        loser.ArchivedAt = now;
        loser.MergedIntoId = survivor.Id;

        // Identities the survivor already has stay with the archived contact.
        var identities = loser.Identities.Where(i => !survivor.Identities.Any(s => s.Kind == i.Kind && s.Value == i.Value)).Select(i => i.Id).ToList();
        var moved = new Dictionary<string, List<Guid>>
        {
            ["identities"] = identities,
            ["leads"] = await db.Leads.Where(l => l.PrimaryContactId == loserId).Select(l => l.Id).ToListAsync(ct),
            ["notes"] = await db.Notes.Where(n => n.SubjectType == NoteSubject.Contact && n.SubjectId == loserId).Select(n => n.Id).ToListAsync(ct),
            ["conversations"] = await db.Conversations.Where(c => c.ContactId == loserId).Select(c => c.Id).ToListAsync(ct),
        };
        await MoveContactRelationsAsync(db, moved, survivorId, ct);
        return new MergeRecord
        {
            Kind = DuplicateKind.Contact,
            SurvivorId = survivorId,
            LoserId = loserId,
            SurvivorLabel = survivorLabel,
            LoserLabel = Cut(loser.FullName),
            SurvivorBefore = JsonSerializer.Serialize(survivorBefore),
            LoserBefore = "{}",
            Moved = JsonSerializer.Serialize(moved),
            MergedBy = "",
        };
    }

    private static async Task MoveContactRelationsAsync(AppDbContext db, Dictionary<string, List<Guid>> ids, Guid to, CancellationToken ct)
    {
        var identities = ids["identities"];
        var leads = ids["leads"];
        var notes = ids["notes"];
        await db.ContactIdentities.Where(i => identities.Contains(i.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.ContactId, to), ct);
        await db.Leads.Where(l => leads.Contains(l.Id)).ExecuteUpdateAsync(s => s.SetProperty(l => l.PrimaryContactId, to).SetProperty(l => l.Version, l => l.Version + 1), ct);
        await db.Notes.Where(n => notes.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.SubjectId, to), ct);
        // Merges recorded before the inbox existed have no conversations entry.
        var conversations = ids.GetValueOrDefault("conversations") ?? [];
        await db.Conversations.Where(c => conversations.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ContactId, to), ct);
    }

    /// <summary>Restores both records and moves every moved record back; the pair returns to the queue.</summary>
    public async Task<MergeDto> UndoAsync(Guid mergeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync();
        var record = await db.MergeRecords.FirstOrDefaultAsync(m => m.Id == mergeId, ct) ?? throw new NotFoundException("Merge", mergeId);
        if (record.UndoneAt is not null)
        {
            throw new ConflictException("This merge was already undone.");
        }
        var before = JsonSerializer.Deserialize<Dictionary<string, string?>>(record.SurvivorBefore)!;
        var loserBefore = JsonSerializer.Deserialize<Dictionary<string, string?>>(record.LoserBefore)!;
        var moved = JsonSerializer.Deserialize<Dictionary<string, List<Guid>>>(record.Moved)!;
        var now = db.Time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (record.Kind == DuplicateKind.Company)
        {
            var survivor = await db.Companies.FirstOrDefaultAsync(c => c.Id == record.SurvivorId, ct) ?? throw new NotFoundException("Company", record.SurvivorId);
            var loser = await db.Companies.FirstOrDefaultAsync(c => c.Id == record.LoserId, ct) ?? throw new NotFoundException("Company", record.LoserId);
            foreach (var field in MergeFields.Company)
            {
                field.Set(survivor, before[field.Name]);
            }
            survivor.Domain = before["domain"];
            survivor.Tags = JsonSerializer.Deserialize<List<string>>(before["tags"]!)!;
            survivor.CustomFields = JsonSerializer.Deserialize<Dictionary<string, string>>(before["customFields"]!)!;
            // The survivor gives the domain back before the restored record takes it again.
            await db.SaveChangesAsync(ct);
            loser.Website = loserBefore["website"];
            loser.Domain = loserBefore["domain"];
            loser.ArchivedAt = null;
            loser.MergedIntoId = null;
            await MoveCompanyRelationsAsync(db, moved, record.LoserId, ct);
        }
        else
        {
            var survivor = await db.Contacts.FirstOrDefaultAsync(c => c.Id == record.SurvivorId, ct) ?? throw new NotFoundException("Contact", record.SurvivorId);
            var loser = await db.Contacts.FirstOrDefaultAsync(c => c.Id == record.LoserId, ct) ?? throw new NotFoundException("Contact", record.LoserId);
            foreach (var field in MergeFields.Contact)
            {
                field.Set(survivor, before[field.Name]);
            }
            survivor.Tags = JsonSerializer.Deserialize<List<string>>(before["tags"]!)!;
            loser.ArchivedAt = null;
            loser.MergedIntoId = null;
            await MoveContactRelationsAsync(db, moved, record.LoserId, ct);
        }
        record.UndoneAt = now;
        record.UndoneBy = actor.Name;
        if (record.PairId is { } pairId && await db.DuplicatePairs.FirstOrDefaultAsync(p => p.Id == pairId, ct) is { } pair)
        {
            pair.Status = PairStatus.Open;
            pair.ResolvedAt = null;
            pair.ResolvedBy = null;
        }
        LogBoth(db, record, actor, "merge-undone", $"{{\"mergeId\":\"{record.Id}\",\"moved\":{JsonSerializer.Serialize(Moved(record))}}}");
        await db.SaveChangesAsync(ct);
        if (record.Kind == DuplicateKind.Company)
        {
            await OrderService.RecomputeCompanyAsync(db, record.SurvivorId, ct);
            await OrderService.RecomputeCompanyAsync(db, record.LoserId, ct);
        }
        await tx.CommitAsync(ct);
        return ToDto(record);
    }

    public async Task<List<MergeDto>> ListAsync(DuplicateKind? kind, int limit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var merges = db.MergeRecords.AsNoTracking();
        if (kind is { } k)
        {
            merges = merges.Where(m => m.Kind == k);
        }
        return (await merges.OrderByDescending(m => m.MergedAt).Take(limit).ToListAsync(ct)).Select(ToDto).ToList();
    }

    // Fields to take from the loser: those the user chose, and those the survivor lacks.
    private static HashSet<string> Take<T>(IReadOnlyList<MergeField<T>> fields, T survivor, T loser, Dictionary<string, Guid> choices) where T : Entity =>
        fields.Where(f => choices.TryGetValue(f.Name, out var from)
                ? from == loser.Id
                : string.IsNullOrEmpty(f.Get(survivor)) && !string.IsNullOrEmpty(f.Get(loser)))
            .Select(f => f.Name).ToHashSet();

    private static void RequireActive(DateTime? survivorArchived, DateTime? loserArchived)
    {
        if (survivorArchived is not null || loserArchived is not null)
        {
            throw new ConflictException("One of the records is archived; restore it before merging.");
        }
    }

    private static void LogBoth(AppDbContext db, MergeRecord record, Actor actor, string action, string changes)
    {
        var type = record.Kind == DuplicateKind.Company ? nameof(Company) : nameof(Contact);
        foreach (var (id, label) in new[] { (record.SurvivorId, record.SurvivorLabel), (record.LoserId, record.LoserLabel) })
        {
            db.Activity.Add(ActivityEntry.By(actor, db.Time.GetUtcNow().UtcDateTime, action, type, id, label, changes));
        }
    }

    private static Dictionary<string, int> Moved(MergeRecord record) =>
        JsonSerializer.Deserialize<Dictionary<string, List<Guid>>>(record.Moved)!.ToDictionary(kv => kv.Key, kv => kv.Value.Count);

    private static MergeDto ToDto(MergeRecord m) =>
        new(m.Id, m.Kind, m.SurvivorId, m.SurvivorLabel, m.LoserId, m.LoserLabel, Moved(m), m.MergedAt, m.MergedBy, m.UndoneAt, m.UndoneBy);

    private static string Cut(string s) => s.Length > 200 ? s[..200] : s;
}
