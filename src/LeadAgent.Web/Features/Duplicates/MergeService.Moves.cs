using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Duplicates;

/// <summary>Merging each kind of record: field values, tags, and moving every related record to the survivor.</summary>
public sealed partial class MergeService
{
    private static async Task<MergeRecord> MergeCompaniesAsync(
        AppDbContext db,
        Guid survivorId,
        Guid loserId,
        Dictionary<string, Guid> choices,
        DateTime now,
        CancellationToken ct)
    {
        var survivor = await db.Companies.FirstOrDefaultAsync(c => c.Id == survivorId, ct)
            ?? throw new NotFoundException("Company", survivorId);
        var loser = await db.Companies.FirstOrDefaultAsync(c => c.Id == loserId, ct)
            ?? throw new NotFoundException("Company", loserId);
        RequireActive(survivor.ArchivedAt, loser.ArchivedAt);
        // Labels as the records were named before the merge,
        // so the history reads "B into A" even when A takes B's name.
        var survivorLabel = Cut(survivor.Name);
        var survivorBefore = MergeFields.Values(MergeFields.Company, survivor);
        survivorBefore["domain"] = survivor.Domain;
        survivorBefore["tags"] = JsonSerializer.Serialize(survivor.Tags);
        survivorBefore["customFields"] = JsonSerializer.Serialize(survivor.CustomFields);
        survivorBefore["socialProfiles"] = JsonSerializer.Serialize(survivor.SocialProfiles);
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
        survivor.SocialProfiles = survivor.SocialProfiles.Union(loser.SocialProfiles, StringComparer.OrdinalIgnoreCase)
            .Take(Company.SocialProfilesMax).ToList();
        survivor.CustomFields = Combined(survivor.CustomFields, loser.CustomFields);
        loser.ArchivedAt = now;
        loser.MergedIntoId = survivor.Id;

        var moved = new Dictionary<string, List<Guid>>
        {
            ["contacts"] = await db.Contacts.Where(c => c.CompanyId == loserId).Select(c => c.Id).ToListAsync(ct),
            ["leads"] = await db.Leads.Where(l => l.CompanyId == loserId).Select(l => l.Id).ToListAsync(ct),
            ["orders"] = await db.Orders.Where(o => o.CompanyId == loserId).Select(o => o.Id).ToListAsync(ct),
            ["notes"] = await db.Notes
                .Where(n => n.SubjectType == NoteSubject.Company && n.SubjectId == loserId)
                .Select(n => n.Id)
                .ToListAsync(ct),
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

    private static async Task MoveCompanyRelationsAsync(
        AppDbContext db, Dictionary<string, List<Guid>> ids, Guid to, CancellationToken ct)
    {
        var contacts = ids["contacts"];
        var leads = ids["leads"];
        var orders = ids["orders"];
        var notes = ids["notes"];
        await db.Contacts.Where(c => contacts.Contains(c.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(c => c.CompanyId, to).SetProperty(c => c.Version, c => c.Version + 1), ct);
        await db.Leads.Where(l => leads.Contains(l.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(l => l.CompanyId, to).SetProperty(l => l.Version, l => l.Version + 1), ct);
        await db.Orders.Where(o => orders.Contains(o.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.CompanyId, to).SetProperty(o => o.Version, o => o.Version + 1), ct);
        await db.Notes.Where(n => notes.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.SubjectId, to), ct);
    }

    private static async Task<MergeRecord> MergeContactsAsync(
        AppDbContext db,
        Guid survivorId,
        Guid loserId,
        Dictionary<string, Guid> choices,
        DateTime now,
        CancellationToken ct)
    {
        var survivor = await db.Contacts.Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == survivorId, ct)
            ?? throw new NotFoundException("Contact", survivorId);
        var loser = await db.Contacts.Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == loserId, ct)
            ?? throw new NotFoundException("Contact", loserId);
        RequireActive(survivor.ArchivedAt, loser.ArchivedAt);
        var survivorLabel = Cut(survivor.FullName);
        var survivorBefore = MergeFields.Values(MergeFields.Contact, survivor);
        survivorBefore["tags"] = JsonSerializer.Serialize(survivor.Tags);
        survivorBefore["customFields"] = JsonSerializer.Serialize(survivor.CustomFields);
        var taken = Take(MergeFields.Contact, survivor, loser, choices);
        foreach (var field in MergeFields.Contact.Where(f => taken.Contains(f.Name)))
        {
            field.Set(survivor, field.Get(loser));
        }
        survivor.Tags = survivor.Tags.Union(loser.Tags).Take(50).ToList();
        survivor.CustomFields = Combined(survivor.CustomFields, loser.CustomFields);
        loser.ArchivedAt = now;
        loser.MergedIntoId = survivor.Id;

        // Identities the survivor already has stay with the archived contact.
        var identities = loser.Identities
            .Where(i => !survivor.Identities.Any(s => s.Kind == i.Kind && s.Value == i.Value))
            .Select(i => i.Id)
            .ToList();
        var moved = new Dictionary<string, List<Guid>>
        {
            ["identities"] = identities,
            ["leads"] = await db.Leads.Where(l => l.PrimaryContactId == loserId).Select(l => l.Id).ToListAsync(ct),
            ["notes"] = await db.Notes
                .Where(n => n.SubjectType == NoteSubject.Contact && n.SubjectId == loserId)
                .Select(n => n.Id)
                .ToListAsync(ct),
            ["conversations"] = await db.Conversations
                .Where(c => c.ContactId == loserId)
                .Select(c => c.Id)
                .ToListAsync(ct),
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

    private static async Task MoveContactRelationsAsync(
        AppDbContext db, Dictionary<string, List<Guid>> ids, Guid to, CancellationToken ct)
    {
        var identities = ids["identities"];
        var leads = ids["leads"];
        var notes = ids["notes"];
        await db.ContactIdentities.Where(i => identities.Contains(i.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ContactId, to), ct);
        await db.Leads.Where(l => leads.Contains(l.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(l => l.PrimaryContactId, to).SetProperty(l => l.Version, l => l.Version + 1), ct);
        await db.Notes.Where(n => notes.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.SubjectId, to), ct);
        // Merges recorded before the inbox existed have no conversations entry.
        var conversations = ids.GetValueOrDefault("conversations") ?? [];
        await db.Conversations.Where(c => conversations.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ContactId, to), ct);
    }

    // Custom field values of both, the survivor's first (its value wins), up to what a record may hold.
    private static Dictionary<string, string> Combined(Dictionary<string, string> survivor,
        Dictionary<string, string> loser) =>
        survivor.Concat(loser.Where(kv => !survivor.ContainsKey(kv.Key))).Take(CustomFieldInputs.ValuesMax)
            .ToDictionary();
}
