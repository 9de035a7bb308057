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

/// <summary>Describes queued pairs: both records' fields and how much hangs off each.</summary>
public sealed partial class DuplicateService
{
    internal static async Task<List<DuplicatePairDto>> DescribeAsync(
        AppDbContext db, IReadOnlyList<DuplicatePair> pairs, CancellationToken ct)
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
        return pairs.Select(p => new DuplicatePairDto(
            p.Id,
            p.Kind,
            p.Confidence,
            JsonSerializer.Deserialize<List<string>>(p.Evidence) ?? [],
            p.Status,
            p.DetectedAt,
            p.ResolvedAt,
            p.ResolvedBy,
            records.GetValueOrDefault(p.AId) ?? missing,
            records.GetValueOrDefault(p.BId) ?? missing,
            p.Kind == DuplicateKind.Company
                ? MergeFields.Company.Select(f => new FieldLabel(f.Name, f.Label)).ToList()
                : MergeFields.Contact.Select(f => new FieldLabel(f.Name, f.Label)).ToList())).ToList();
    }

    private static async Task<List<DuplicateRecord>> CompanyRecordsAsync(
        AppDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var companies = await db.Companies.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var contacts = await db.Contacts
            .Where(c => c.CompanyId != null && ids.Contains(c.CompanyId.Value))
            .GroupBy(c => c.CompanyId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var leads = await db.Leads.Where(l => ids.Contains(l.CompanyId)).GroupBy(l => l.CompanyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var orders = await db.Orders.Where(o => ids.Contains(o.CompanyId)).GroupBy(o => o.CompanyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var notes = await db.Notes
            .Where(n => n.SubjectType == Notes.NoteSubject.Company && ids.Contains(n.SubjectId))
            .GroupBy(n => n.SubjectId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return companies.Select(c => new DuplicateRecord(
            c.Id,
            c.Name,
            c.ArchivedAt is not null,
            MergeFields.Values(MergeFields.Company, c),
            c.Tags,
            new Dictionary<string, int>
            {
                ["contacts"] = contacts.GetValueOrDefault(c.Id),
                ["leads"] = leads.GetValueOrDefault(c.Id),
                ["orders"] = orders.GetValueOrDefault(c.Id),
                ["notes"] = notes.GetValueOrDefault(c.Id),
            }, [])).ToList();
    }

    private static async Task<List<DuplicateRecord>> ContactRecordsAsync(
        AppDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var contacts = await db.Contacts.AsNoTracking()
            .Include(c => c.Identities)
            .Include(c => c.Company)
            .Where(c => ids.Contains(c.Id))
            .ToListAsync(ct);
        var leads = await db.Leads
            .Where(l => l.PrimaryContactId != null && ids.Contains(l.PrimaryContactId.Value))
            .GroupBy(l => l.PrimaryContactId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var notes = await db.Notes
            .Where(n => n.SubjectType == Notes.NoteSubject.Contact && ids.Contains(n.SubjectId))
            .GroupBy(n => n.SubjectId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return contacts.Select(c =>
        {
            var fields = MergeFields.Values(MergeFields.Contact, c);
            // Show the company's name rather than its id.
            fields["companyId"] = c.Company?.Name;
            return new DuplicateRecord(c.Id, c.FullName, c.ArchivedAt is not null, fields, c.Tags,
                new Dictionary<string, int>
                {
                    ["leads"] = leads.GetValueOrDefault(c.Id),
                    ["notes"] = notes.GetValueOrDefault(c.Id),
                    ["identities"] = c.Identities.Count,
                },
                c.Identities
                    .Select(i => i.Value.StartsWith('+') ? ContactPoints.FormatPhone(i.Value) : i.Value)
                    .ToList());
        }).ToList();
    }
}
