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

/// <summary>Undoing a merge from what its <see cref="MergeRecord"/> kept.</summary>
public sealed partial class MergeService
{
    /// <summary>Restores both records and moves every moved record back; the pair returns to the queue.</summary>
    public async Task<MergeDto> UndoAsync(Guid mergeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync();
        var record = await db.MergeRecords.FirstOrDefaultAsync(m => m.Id == mergeId, ct)
            ?? throw new NotFoundException("Merge", mergeId);
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
            var survivor = await db.Companies.FirstOrDefaultAsync(c => c.Id == record.SurvivorId, ct)
                ?? throw new NotFoundException("Company", record.SurvivorId);
            var loser = await db.Companies.FirstOrDefaultAsync(c => c.Id == record.LoserId, ct)
                ?? throw new NotFoundException("Company", record.LoserId);
            foreach (var field in MergeFields.Company)
            {
                field.Set(survivor, before[field.Name]);
            }
            survivor.Domain = before["domain"];
            survivor.Tags = JsonSerializer.Deserialize<List<string>>(before["tags"]!)!;
            survivor.CustomFields = JsonSerializer.Deserialize<Dictionary<string, string>>(before["customFields"]!)!;
            // Merges recorded before social profiles existed have none to restore.
            if (before.TryGetValue("socialProfiles", out var profiles) && profiles is not null)
            {
                survivor.SocialProfiles = JsonSerializer.Deserialize<List<string>>(profiles)!;
            }
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
            var survivor = await db.Contacts.FirstOrDefaultAsync(c => c.Id == record.SurvivorId, ct)
                ?? throw new NotFoundException("Contact", record.SurvivorId);
            var loser = await db.Contacts.FirstOrDefaultAsync(c => c.Id == record.LoserId, ct)
                ?? throw new NotFoundException("Contact", record.LoserId);
            foreach (var field in MergeFields.Contact)
            {
                field.Set(survivor, before[field.Name]);
            }
            survivor.Tags = JsonSerializer.Deserialize<List<string>>(before["tags"]!)!;
            // Merges recorded before contacts had custom fields have none to restore.
            if (before.TryGetValue("customFields", out var custom) && custom is not null)
            {
                survivor.CustomFields = JsonSerializer.Deserialize<Dictionary<string, string>>(custom)!;
            }
            loser.ArchivedAt = null;
            loser.MergedIntoId = null;
            await MoveContactRelationsAsync(db, moved, record.LoserId, ct);
        }
        record.UndoneAt = now;
        record.UndoneBy = actor.Name;
        if (record.PairId is { } pairId
            && await db.DuplicatePairs.FirstOrDefaultAsync(p => p.Id == pairId, ct) is { } pair)
        {
            pair.Status = PairStatus.Open;
            pair.ResolvedAt = null;
            pair.ResolvedBy = null;
        }
        LogBoth(db, record, actor, "merge-undone",
            $"{{\"mergeId\":\"{record.Id}\",\"moved\":{JsonSerializer.Serialize(Moved(record))}}}");
        await db.SaveChangesAsync(ct);
        if (record.Kind == DuplicateKind.Company)
        {
            await OrderService.RecomputeCompanyAsync(db, record.SurvivorId, ct);
            await OrderService.RecomputeCompanyAsync(db, record.LoserId, ct);
        }
        await tx.CommitAsync(ct);
        return ToDto(record);
    }
}
