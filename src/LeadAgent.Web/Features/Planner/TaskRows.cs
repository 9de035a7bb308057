using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Planner;

/// <summary>
/// Tasks to <see cref="TaskDto"/>s: the names of their leads, companies and owners and the waiting message's preview
/// are read for the page of rows only (a few primary-key reads), never joined into the list query.
/// </summary>
internal static class TaskRows
{
    public static async Task<List<TaskDto>> ToDtosAsync(AppDbContext db, IReadOnlyList<SalesTask> rows,
        CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var leadIds = rows.Where(t => t.LeadId != null).Select(t => t.LeadId!.Value).Distinct().ToList();
        var companyIds = rows.Where(t => t.CompanyId != null).Select(t => t.CompanyId!.Value).Distinct().ToList();
        var ownerIds = rows.Where(t => t.OwnerId != null).Select(t => t.OwnerId!).Distinct().ToList();
        var conversationIds = rows.Where(t => t.ConversationId != null && t.Kind == TaskKind.AnswerInbound)
            .Select(t => t.ConversationId!.Value).Distinct().ToList();

        var leads = leadIds.Count == 0 ? [] : await db.Set<Lead>().Where(l => leadIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Title }).ToDictionaryAsync(l => l.Id, l => l.Title, ct);
        var companies = companyIds.Count == 0 ? [] : await db.Set<Company>().Where(c => companyIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var owners = ownerIds.Count == 0 ? [] : await db.Users.Where(u => ownerIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.Id })
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var previews = conversationIds.Count == 0 ? [] : await db.Set<Conversation>()
            .Where(v => conversationIds.Contains(v.Id))
            .Select(v => new { v.Id, v.LastMessagePreview })
            .ToDictionaryAsync(v => v.Id, v => v.LastMessagePreview, ct);

        return rows.Select(t => new TaskDto(t.Id, t.Kind, t.State, t.PlanKey != null, t.Title, t.Reason, t.LeadId,
            t.LeadId is { } l ? leads.GetValueOrDefault(l) : null, t.CompanyId,
            t.CompanyId is { } c ? companies.GetValueOrDefault(c) : null, t.ContactId, t.ConversationId,
            t.ConversationId is { } v ? previews.GetValueOrDefault(v) : null, t.OwnerId,
            t.OwnerId is { } o ? owners.GetValueOrDefault(o) : null, t.DueAt, t.ExpiresAt, t.SnoozedUntil, t.ClosedAt,
            t.ClosedByName, t.CloseNote, t.CreatedByName, t.CreatedAt, t.Version)).ToList();
    }
}
