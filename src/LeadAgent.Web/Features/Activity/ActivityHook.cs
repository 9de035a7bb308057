using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Activity;

/// <summary>
/// Writes the activity log with every save: the tracked changes of <see cref="IAudited"/> records become
/// <see cref="ActivityEntry"/> rows in the same transaction as the change.
/// </summary>
public sealed class ActivityHook : ISaveHook
{
    public async ValueTask<IReadOnlyList<object>> CollectAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var activity = ActivityCapture.Capture(db.ChangeTracker, await db.GetActorAsync(), now, db.BatchId);
        await FillParentLabelsAsync(db, activity, ct);
        return activity;
    }

    // Entries of child records name their parent ("Lead: Badges for Eventwerk"), from the tracker or the database.
    private static async Task FillParentLabelsAsync(AppDbContext db, List<ActivityEntry> activity, CancellationToken ct)
    {
        var missing = activity.Where(a => a.EntityLabel is null).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        // One pass over the tracker (each Entries() call runs change detection): parents by type and id.
        var parents = new Dictionary<(string, Guid), IAudited>();
        foreach (var audited in db.ChangeTracker.Entries().Select(e => e.Entity).OfType<IAudited>())
        {
            if (audited.GetType().Name == audited.AuditType)
            {
                parents.TryAdd((audited.AuditType, audited.AuditId), audited);
            }
        }
        foreach (var entry in missing)
        {
            var tracked = parents.GetValueOrDefault((entry.EntityType, entry.EntityId));
            entry.EntityLabel = ActivityCapture.Truncate(tracked?.AuditLabel
                ?? await LabelAsync(db, entry.EntityType, entry.EntityId, ct), 200);
        }
    }

    private static async Task<string?> LabelAsync(AppDbContext db, string type, Guid id, CancellationToken ct) =>
        type switch
        {
            nameof(Lead) => await db.Leads.Where(l => l.Id == id).Select(l => l.Title).FirstOrDefaultAsync(ct),
            nameof(Company) => await db.Companies.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct),
            nameof(Contact) => await db.Contacts.Where(c => c.Id == id)
                .Select(c => c.FirstName + " " + (c.LastName ?? "")).FirstOrDefaultAsync(ct),
            _ => null,
        };
}
