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
public sealed partial class MergeService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<MergeDto> MergeAsync(Guid pairId, MergeRequest request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync();
        var pair = await db.DuplicatePairs.FirstOrDefaultAsync(p => p.Id == pairId, ct)
            ?? throw new NotFoundException("Duplicate pair", pairId);
        if (pair.Status != PairStatus.Open)
        {
            throw new ConflictException($"This pair is already {pair.Status.ToString().ToLowerInvariant()}.");
        }
        if (request.SurvivorId != pair.AId && request.SurvivorId != pair.BId)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["survivorId"] = ["Must be one of the pair's two records."],
            });
        }
        var loserId = request.SurvivorId == pair.AId ? pair.BId : pair.AId;
        var choices = request.Fields ?? [];
        var unknown = choices.Where(c => c.Value != pair.AId && c.Value != pair.BId).Select(c => c.Key)
            .Concat(choices.Keys.Where(k => pair.Kind == DuplicateKind.Company
                ? MergeFields.Company.All(f => f.Name != k)
                : MergeFields.Contact.All(f => f.Name != k)))
            .Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationFailedException(unknown.ToDictionary(
                k => $"fields.{k}", _ => new[] { "Unknown field, or the record is not one of the pair." }));
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
        await db.DuplicatePairs
            .Where(p => p.Id != pair.Id && p.Status == PairStatus.Open && (p.AId == loserId || p.BId == loserId))
            .ExecuteDeleteAsync(ct);
        db.MergeRecords.Add(record);
        var moved = Moved(record);
        LogBoth(db, record, actor, "merged",
            $"{{\"merged\":{{\"from\":{JsonSerializer.Serialize(record.LoserLabel)},"
            + $"\"to\":{JsonSerializer.Serialize(record.SurvivorLabel)}}},"
            + $"\"mergeId\":\"{record.Id}\",\"moved\":{JsonSerializer.Serialize(moved)}}}");
        await db.SaveChangesAsync(ct);
        if (pair.Kind == DuplicateKind.Company)
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
    private static HashSet<string> Take<T>(
        IReadOnlyList<MergeField<T>> fields, T survivor, T loser, Dictionary<string, Guid> choices)
        where T : Entity =>
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
        foreach (var (id, label) in new[]
        {
            (record.SurvivorId, record.SurvivorLabel),
            (record.LoserId, record.LoserLabel),
        })
        {
            db.Activity.Add(ActivityEntry.By(actor, db.Time.GetUtcNow().UtcDateTime, action, type, id, label, changes));
        }
    }

    private static Dictionary<string, int> Moved(MergeRecord record) =>
        JsonSerializer.Deserialize<Dictionary<string, List<Guid>>>(record.Moved)!
            .ToDictionary(kv => kv.Key, kv => kv.Value.Count);

    private static MergeDto ToDto(MergeRecord m) =>
        new(m.Id, m.Kind, m.SurvivorId, m.SurvivorLabel, m.LoserId, m.LoserLabel, Moved(m),
            m.MergedAt, m.MergedBy, m.UndoneAt, m.UndoneBy);

    private static string Cut(string s) => s.Length > 200 ? s[..200] : s;
}
